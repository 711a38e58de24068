using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ksst.ServiceDefaults.Caching;

/// <summary>
/// Reports whether the service is bypassing its cache right now: Degraded while the breaker skips
/// it (reads go to the source, writes are dropped), Healthy when the cache is used or is about to
/// be tried again.
/// </summary>
public sealed class CacheBreakerHealthCheck(CircuitBreaker breaker) : IHealthCheck
{
    /// <summary>The check's name in the health report.</summary>
    public const string Name = "cache-breaker";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(breaker.IsBypassing
            ? new HealthCheckResult(context.Registration.FailureStatus,
                $"The cache failed or timed out: it is bypassed (reads miss, writes are dropped) and tried again every {breaker.BreakDuration.TotalSeconds:0} s.")
            : HealthCheckResult.Healthy("The cache is used."));
}
