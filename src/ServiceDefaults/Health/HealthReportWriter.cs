using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ksst.ServiceDefaults.Health;

/// <summary>
/// Writes a health report as JSON, so operators and the AppHost see which check is not healthy and
/// why: <c>{"status":"Degraded","checks":[{"name":"masstransit-bus","status":"Degraded","description":"…"}]}</c>.
/// Only each check's own description is written: no exception, no data, no connection string.
/// The HTTP status stays the ASP.NET Core default (200 for Healthy and Degraded, 503 for Unhealthy).
/// </summary>
public static class HealthReportWriter
{
    /// <summary>The media type of the report.</summary>
    public const string ContentType = "application/json";

    /// <summary>Writes <paramref name="report"/> to the response.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = ContentType;
        return context.Response.WriteAsync(ToJson(report));
    }

    /// <summary>The report as JSON.</summary>
    public static string ToJson(HealthReport report) => JsonSerializer.Serialize(new
    {
        status = report.Status.ToString(),
        checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
    });
}
