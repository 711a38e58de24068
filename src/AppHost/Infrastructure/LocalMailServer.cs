using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Ksst.AppHost.Infrastructure;

/// <summary>
/// smtp4dev run as the repository's dotnet local tool (<c>dotnet smtp4dev</c>), in-memory database
/// (or a file in the data folder: <see cref="MailRetention.KeepAcrossRestarts"/>), SMTP and web UI
/// on 127.0.0.1, IMAP and POP3 off. Connection string <c>smtp://127.0.0.1:&lt;port&gt;</c>; the
/// <c>http</c> endpoint serves the web UI and REST API.
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="repositoryRoot">Working directory, where <c>.config/dotnet-tools.json</c> is found.</param>
public sealed class LocalMailServerResource(string name, string repositoryRoot)
    : ExecutableResource(name, "dotnet", repositoryRoot), IResourceWithConnectionString
{
    /// <summary>Name of the SMTP endpoint.</summary>
    public const string SmtpEndpointName = "smtp";

    /// <summary>Name of the web UI / REST API endpoint.</summary>
    public const string HttpEndpointName = "http";

    /// <summary>The SMTP endpoint (proxied by Aspire; smtp4dev listens on its target port).</summary>
    public EndpointReference SmtpEndpoint => new(this, SmtpEndpointName);

    /// <summary>The web UI / REST API endpoint.</summary>
    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"smtp://127.0.0.1:{SmtpEndpoint.Property(EndpointProperty.Port)}");
}

/// <summary>Adds <see cref="LocalMailServerResource"/> to the application model.</summary>
internal static class LocalMailServer
{
    /// <summary>Adds smtp4dev named <paramref name="name"/>, healthy once <c>GET /api/messages</c> answers 200.</summary>
    public static IResourceBuilder<LocalMailServerResource> AddLocalMailServer(
        this IDistributedApplicationBuilder builder, string name, RepositoryPaths paths, MailRetention retention)
    {
        var appData = Directory.CreateDirectory(Path.Combine(paths.DataRoot, "smtp4dev")).FullName;
        var mail = new LocalMailServerResource(name, paths.RepositoryRoot);
        // SMTP is not proxied: while the server is stopped its port refuses connections at once,
        // as a real one would, instead of Aspire's proxy accepting them and leaving senders to
        // time out.
        var smtpPort = FreePort.Next();
        var httpPort = mail.HttpEndpoint.Property(EndpointProperty.TargetPort);
        // Empty: in memory, gone when the server stops. A file: kept across restarts of the server
        // (a new stack has a new data folder, so it still starts empty).
        var database = retention.KeepAcrossRestarts ? Path.Combine(appData, "messages.db") : "";

        return builder.AddResource(mail)
            .WithEndpoint(port: smtpPort, targetPort: smtpPort, name: LocalMailServerResource.SmtpEndpointName, scheme: "tcp", isProxied: false)
            .WithHttpEndpoint(name: LocalMailServerResource.HttpEndpointName)
            // The AppHost's own ASP.NET settings are inherited by child processes: override them.
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
            .WithEnvironment("DOTNET_ENVIRONMENT", "Production")
            .WithEnvironment("ASPNETCORE_URLS", ReferenceExpression.Create($"http://127.0.0.1:{httpPort}"))
            .WithArgs(
                "smtp4dev",
                $"--smtpport={smtpPort}",
                ReferenceExpression.Create($"--urls=http://127.0.0.1:{httpPort}"),
                $"--db={database}",
                "--imapport=", // empty disables IMAP
                "--pop3port=", // empty disables POP3
                "--nousersettings",
                "--allowremoteconnections-",
                $"--messagestokeep={retention.Messages}",
                $"--sessionstokeep={retention.Sessions}",
                $"--baseappdatapath={appData}")
            .WithMailServerUrls()
            .WithReadinessCheck((r, ct) => HealthChecks.HttpOkAsync(r, LocalMailServerResource.HttpEndpointName, "/api/messages?pageSize=1", ct));
    }
}
