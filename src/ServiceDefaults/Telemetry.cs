using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>OpenTelemetry logs, metrics and traces, exported over OTLP when Aspire sets an endpoint.</summary>
public static class TelemetryExtensions
{
    /// <summary>Activity sources and meters of our own code all start with this prefix.</summary>
    public const string SourcePrefix = "Ksst.";

    internal static TBuilder ConfigureTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", SourcePrefix + "*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, "MassTransit", SourcePrefix + "*")
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .SetSampler(new ParentBasedSampler(new NoOrphanClientSpans(SampleRatio(builder.Configuration)))));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>The share of traces kept (<c>Telemetry:SampleRatio</c>, 0 to 1; 1 when not set); anything else stops the service at start.</summary>
    internal static double SampleRatio(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var text = configuration["Telemetry:SampleRatio"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1.0;
        }
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1
            ? ratio
            : throw new InvalidOperationException($"Telemetry:SampleRatio must be a number from 0 to 1 (the share of traces kept), not '{text}'.");
    }

    private static bool IsProbe(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments(ServiceDefaultsExtensions.HealthPath)
        || path.StartsWithSegments(ServiceDefaultsExtensions.AlivePath)
        || path.StartsWithSegments("/grpc.health.v1.Health");
}
