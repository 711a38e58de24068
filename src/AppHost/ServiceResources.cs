using Aspire.Hosting.ApplicationModel;
using Ksst.AppHost.Infrastructure;

namespace Ksst.AppHost;

/// <summary>How every KSST service is added to the application model.</summary>
internal static class ServiceResources
{
    /// <summary>
    /// Adds a service project (<see cref="AddServiceProject{TProject}"/>) whose "http" endpoint
    /// (HTTP/1.1: JSON, OpenAPI, health) and "grpc" endpoint (HTTP/2) come from the project's
    /// Kestrel settings, labelled for the dashboard.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddServiceProject<TProject>(name)
            .WithUrlForEndpoint("http", url => url.DisplayText = "JSON API")
            // Only the HTTP/1.1 endpoint serves OpenAPI: the gRPC one answers browsers with an error.
            .WithUrlForEndpoint("http", endpoint => new ResourceUrlAnnotation { Url = endpoint.Url + "/openapi", DisplayText = "OpenAPI UI" })
            .WithUrlForEndpoint("grpc", url => url.DisplayText = "gRPC (HTTP/2 only)");

    /// <summary>
    /// Adds a KSST project (a service, the identity service) with its own SQLite file under the
    /// data root, usage telemetry of MassTransit off, and a readiness check on its /health
    /// endpoint. Configuration under Ksst:Env:{name} is passed to it as environment variables,
    /// after everything else the AppHost sets (references included), so those settings win.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddServiceProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var database = Path.Combine(RepositoryPaths.Resolve(builder).DataRoot, $"{name}.db");
        var service = builder.AddProject<TProject>(name);
        // Settings for one service from the AppHost's configuration, e.g.
        // --Ksst:Env:notifications:Notifications__Webhooks__AllowPrivateNetworks=true, or
        // --Ksst:Env:notifications:services__registration__grpc__0=http://127.0.0.1:PORT to send its
        // calls to Registration through a relay. Added once the model is complete, so they come last.
        var settings = builder.Configuration.GetSection($"Ksst:Env:{name}").GetChildren().ToList();
        builder.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            foreach (var setting in settings)
            {
                service.WithEnvironment(setting.Key, setting.Value ?? "");
            }
            return Task.CompletedTask;
        });
        return service
            .WithEnvironment($"ConnectionStrings__{name}-db", $"Data Source={database}")
            .WithEnvironment("MASSTRANSIT_USAGE_TELEMETRY", "false")
            .WithReadinessCheck((r, ct) => Infrastructure.HealthChecks.ServiceReportAsync(r, "http", "/health", ct));
    }
}
