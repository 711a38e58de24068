using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ksst.ServiceDefaults.Health;

/// <summary>
/// Dependencies a service keeps working without (the broker: the outbox keeps events; the cache:
/// reads miss) make it Degraded when they are away, not Unhealthy: it still serves requests, and
/// the dashboard says which dependency is missing.
/// </summary>
public static class DependencyHealth
{
    /// <summary>Reports the health check named <paramref name="checkName"/> as Degraded when it fails.</summary>
    public static IServiceCollection DegradedWhenDown(this IServiceCollection services, string checkName) =>
        services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Name == checkName))
            {
                registration.FailureStatus = HealthStatus.Degraded;
            }
        });
}
