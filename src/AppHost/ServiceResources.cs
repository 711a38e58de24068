using Ksst.AppHost.Infrastructure;

namespace Ksst.AppHost;

/// <summary>How every KSST service is added to the application model.</summary>
internal static class ServiceResources
{
    /// <summary>
    /// Adds a service project with its own SQLite file under the data root, usage telemetry of
    /// MassTransit off, and a readiness check on its /health endpoint. Its "http" (HTTP/1.1: JSON,
    /// OpenAPI, health) and "grpc" (HTTP/2) endpoints come from the project's Kestrel settings.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var database = Path.Combine(RepositoryPaths.Resolve(builder).DataRoot, $"{name}.db");
        return builder.AddProject<TProject>(name)
            .WithEnvironment($"ConnectionStrings__{name}-db", $"Data Source={database}")
            .WithEnvironment("MASSTRANSIT_USAGE_TELEMETRY", "false")
            .WithHttpHealthCheck("/health", endpointName: "http")
            .WithUrlForEndpoint("http", url => url.DisplayText = "JSON API")
            .WithUrl("/openapi", "OpenAPI");
    }
}
