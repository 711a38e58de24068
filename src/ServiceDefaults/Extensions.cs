using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Calls;
using Ksst.ServiceDefaults.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every KSST service shares: telemetry, health, service discovery and HTTP resilience.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Readiness endpoint: every check must pass.</summary>
    public const string HealthPath = "/health";

    /// <summary>Liveness endpoint: only checks tagged "live".</summary>
    public const string AlivePath = "/alive";

    /// <summary>Adds OpenTelemetry, health checks, the current call (<see cref="ICurrentCall"/>), service discovery and resilient HttpClients.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureTelemetry();
        // HttpClient logs four lines per call at Information (start, end, for the client and its
        // handler); the traces carry each call already, so the log keeps its warnings only.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

        builder.Services.AddCurrentCall();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // gRPC clients opt out of this handler again (see GrpcClientExtensions): gRPC retries
            // through its own service config, so the two never multiply.
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
            http.AddHttpMessageHandler(() => new NetworkCallsHandler());
        });

        return builder;
    }

    /// <summary>Maps /health (ready) and /alive (live), each answering a JSON report of its checks.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live"), ResponseWriter = HealthReportWriter.WriteAsync });
        return app;
    }
}
