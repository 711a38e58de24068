using OpenTelemetry.Instrumentation.AspNetCore;

namespace Ksst.Scheduling.Feeds;

/// <summary>
/// Keeps feed tokens out of traces and logs. A feed request's span is named by its route
/// (<c>GET /feeds/v1/{token}.ics</c>) and its <c>url.path</c> tag is the route too
/// (<see cref="FeedPaths.Redact"/>). ASP.NET Core's hosting log scope, which puts every
/// request's raw path (RequestPath) on every log record written while it runs, is turned off by
/// silencing its category; the request start and finish logs it also writes were below the
/// service's level (Microsoft.AspNetCore: Warning) anyway, and the trace id on each record
/// still ties it to its request.
/// </summary>
internal static class FeedTelemetry
{
    /// <summary>The category whose logger opens the request scope (and only logs requests and start failures).</summary>
    public const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static void AddFeedTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter(HostingCategory, LogLevel.None);
        builder.Services.Configure<AspNetCoreTraceInstrumentationOptions>(options =>
        {
            var enrich = options.EnrichWithHttpRequest;
            options.EnrichWithHttpRequest = (activity, request) =>
            {
                enrich?.Invoke(activity, request);
                if (FeedPaths.IsFeedPath(request.Path.Value))
                {
                    activity.SetTag("url.path", FeedPaths.Redact(request.Path.Value!));
                }
            };
        });
    }
}
