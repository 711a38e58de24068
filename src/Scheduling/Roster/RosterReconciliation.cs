using Grpc.Core;
using Ksst.Platform.Audit;
using Ksst.Scheduling.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ksst.Scheduling.Roster;

/// <summary>How often every known batch's roster is reconciled with Registration.</summary>
public sealed class RosterReconciliationOptions
{
    /// <summary>Between rounds; the first round runs at start.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wait before retrying a round that failed (Registration unreachable).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Reconciles the roster of every batch Scheduling knows (from its roster, sessions or groups)
/// at start and then periodically, so an event lost before it reached the broker, or a batch
/// whose participants were loaded into Registration directly, still ends up on the roster.
/// </summary>
internal sealed partial class RosterReconciliation(IServiceScopeFactory scopes, IOptions<RosterReconciliationOptions> options, ILogger<RosterReconciliation> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var cause = AuditCause.Loop(nameof(RosterReconciliation));
        while (!stoppingToken.IsCancellationRequested)
        {
            var ok = await RunRoundAsync(stoppingToken);
            await Task.Delay(ok ? options.Value.Interval : options.Value.RetryAfter, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<bool> RunRoundAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
            var batches = await db.Roster.Select(r => r.BatchId)
                .Union(db.Sessions.Select(s => s.BatchId))
                .Union(db.Groups.Select(g => g.BatchId))
                .ToListAsync(ct);
            var reconciler = scope.ServiceProvider.GetRequiredService<RosterReconciler>();
            foreach (var batch in batches)
            {
                try
                {
                    var result = await reconciler.ReconcileAsync(batch, ct);
                    if (result.Added + result.Updated > 0)
                    {
                        LogReconciled(batch, result.Added, result.Updated);
                    }
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
                {
                    LogUnknownBatch(batch);
                }
            }
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogFailed(ex);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Information, "Roster of {BatchId} reconciled with Registration: {Added} added, {Updated} updated.")]
    private partial void LogReconciled(string batchId, int added, int updated);

    [LoggerMessage(LogLevel.Warning, "Registration does not know batch {BatchId}; its roster was left as it is.")]
    private partial void LogUnknownBatch(string batchId);

    [LoggerMessage(LogLevel.Warning, "Roster reconciliation failed; retrying.")]
    private partial void LogFailed(Exception ex);
}
