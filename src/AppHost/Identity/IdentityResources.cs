using Aspire.Hosting.ApplicationModel;
using Ksst.AppHost.Infrastructure;
using Ksst.AppHost.Urls;
using Ksst.Contracts.Identity;

namespace Ksst.AppHost.Identity;

/// <summary>The identity service of the stack and the demo credentials of the stack's data folder.</summary>
/// <param name="Resource">The "identity" project.</param>
/// <param name="Credentials">The demo clients and users, with their secrets.</param>
internal sealed record IdentityService(IResourceBuilder<ProjectResource> Resource, DemoCredentials Credentials);

/// <summary>Adds the identity service and gives every other service what it needs of it.</summary>
internal static class IdentityResources
{
    /// <summary>The dashboard's label of the identity service's "http" endpoint (the tokens' issuer).</summary>
    public const string IssuerLabel = "OpenID Connect issuer";

    /// <summary>
    /// Adds "identity" (OpenID Connect server, its own SQLite file). On the first start it writes
    /// <c>&lt;data folder&gt;/identity/demo-credentials.json</c> (random secrets and passwords,
    /// readable by its owner only), whose clients and users it registers. Its issuer is its own
    /// "http" URL; its keys are kept in <c>&lt;data folder&gt;/identity/keys</c>.
    /// </summary>
    public static IdentityService AddIdentityService(this IDistributedApplicationBuilder builder)
    {
        var dataRoot = RepositoryPaths.Resolve(builder).DataRoot;
        var path = DemoCredentials.PathUnder(dataRoot);
        var credentials = DemoCredentials.ReadOrCreate(path);
        var identity = builder.AddServiceProject<Projects.Identity>("identity");
        identity
            .WithEnvironment("Identity__Issuer", identity.GetEndpoint("http"))
            // Its own API (API tokens) takes the tokens it issues, verified like every service does.
            .WithEnvironment("Identity__Authority", identity.GetEndpoint("http"))
            .WithEnvironment("Identity__DemoCredentials", path)
            .WithEnvironment("Identity__KeyDirectory", Path.Combine(dataRoot, "identity", "keys"))
            .WithUrlForEndpoint("http", url => url.DisplayText = IssuerLabel)
            .WithUrlForEndpoint("http", endpoint => new ResourceUrlAnnotation
            {
                Url = endpoint.Url + "/.well-known/openid-configuration",
                DisplayText = "OpenID Connect discovery",
            })
            .WithUrlForEndpoint("grpc", url => url.DisplayText = "gRPC: API tokens (HTTP/2 only)")
            .WithCredentialsNote($"demo clients and users: {path} (./ksst token ROLE)");
        return new IdentityService(identity, credentials);
    }

    /// <summary>
    /// Makes <paramref name="service"/> wait for the identity service and tells it where that is
    /// (<c>Identity__Authority</c>) and who it is there: client id = its name, and its secret
    /// from the demo credentials, as a secret parameter (masked in the dashboard). Its readiness
    /// probe reads its full health report as the demo ops client (<see cref="HealthReportAccess"/>).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIdentity(this IResourceBuilder<ProjectResource> service, IdentityService identity)
    {
        var name = service.Resource.Name;
        var secret = service.ApplicationBuilder.AddParameter($"{name}-client-secret", identity.Credentials.Client(name).Secret, secret: true);
        return service
            .WithAnnotation(new HealthReportAccess(identity.Resource.GetEndpoint("http"), identity.Credentials.Client(DemoCredentials.OpsClient)))
            .WithReference(identity.Resource).WaitFor(identity.Resource)
            .WithEnvironment("Identity__Authority", identity.Resource.GetEndpoint("http"))
            .WithEnvironment("Identity__ClientId", name)
            .WithEnvironment("Identity__ClientSecret", secret);
    }
}
