using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Ksst.AppHost.Infrastructure;

/// <summary>
/// smtp4dev as a container (<c>docker.io/rnwood/smtp4dev</c>): SMTP on container port 25, web UI /
/// REST API on 80. Connection string <c>smtp://host:port</c>.
/// </summary>
/// <param name="name">The resource name.</param>
public sealed class MailServerContainerResource(string name)
    : ContainerResource(name), IResourceWithConnectionString
{
    /// <summary>Name of the SMTP endpoint.</summary>
    public const string SmtpEndpointName = "smtp";

    /// <summary>Name of the web UI / REST API endpoint.</summary>
    public const string HttpEndpointName = "http";

    /// <summary>The SMTP endpoint.</summary>
    public EndpointReference SmtpEndpoint => new(this, SmtpEndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create(
            $"smtp://{SmtpEndpoint.Property(EndpointProperty.Host)}:{SmtpEndpoint.Property(EndpointProperty.Port)}");
}

/// <summary>Adds <see cref="MailServerContainerResource"/> to the application model.</summary>
internal static class ContainerMailServer
{
    /// <summary>The smtp4dev image tag (the 3.x line).</summary>
    public const string ImageTag = "v3";

    /// <summary>Adds the smtp4dev container named <paramref name="name"/>, healthy once <c>GET /api/messages</c> answers 200.</summary>
    public static IResourceBuilder<MailServerContainerResource> AddMailServerContainer(
        this IDistributedApplicationBuilder builder, string name, MailRetention retention)
    {
        if (retention.KeepAcrossRestarts)
        {
            throw new InvalidOperationException(
                "Ksst:Mail:KeepAcrossRestarts is for local mode (Ksst:Infrastructure=local); the mail server's container keeps its inbox in memory.");
        }
        return builder.AddResource(new MailServerContainerResource(name))
            .WithImage("rnwood/smtp4dev", ImageTag)
            .WithImageRegistry("docker.io")
            .WithEndpoint(targetPort: 25, name: MailServerContainerResource.SmtpEndpointName, scheme: "tcp")
            .WithHttpEndpoint(targetPort: 80, name: MailServerContainerResource.HttpEndpointName)
            .WithEnvironment("ServerOptions__Database", string.Empty) // in-memory
            .WithEnvironment("ServerOptions__ImapPort", string.Empty)
            .WithEnvironment("ServerOptions__NumberOfMessagesToKeep", retention.Messages.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("ServerOptions__NumberOfSessionsToKeep", retention.Sessions.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithMailServerUrls()
            .WithReadinessCheck((r, ct) => HealthChecks.HttpOkAsync(r, MailServerContainerResource.HttpEndpointName, "/api/messages?pageSize=1", ct));
    }
}
