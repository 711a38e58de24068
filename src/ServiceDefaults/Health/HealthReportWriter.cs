using System.Text.Json;
using Ksst.ServiceDefaults.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ksst.ServiceDefaults.Health;

/// <summary>
/// Writes a health report as JSON. Anyone (a load balancer, an uptime probe) gets the status
/// alone, <c>{"status":"Degraded"}</c>, which reveals nothing of how the service is built; a
/// caller with a valid token of an operator, an organiser or a KSST service (the AppHost asks
/// as ops) also sees which check is not healthy and why:
/// <c>{"status":"Degraded","checks":[{"name":"broker","status":"Degraded","description":"…"}]}</c>.
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
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(ToJson(report, SeesChecks(Caller.From(context.User))));
    }

    /// <summary>Whether <paramref name="caller"/> (null: no valid token) sees the checks, not only the status.</summary>
    public static bool SeesChecks(Caller? caller) => caller?.Role is Role.Ops or Role.Organiser or Role.Service;

    /// <summary>The report as JSON: the status, and with <paramref name="withChecks"/> each check's.</summary>
    public static string ToJson(HealthReport report, bool withChecks = true) => withChecks
        ? JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        })
        : JsonSerializer.Serialize(new { status = report.Status.ToString() });
}
