using Ksst.Notifications.Data;
using Ksst.Platform.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ksst.Notifications.Delivery;

/// <summary>
/// Keeps the delivery logs from growing without bound: soon after start and then every
/// <see cref="RetentionOptions.Interval"/>, removes finished entries (sent, dead, uncertain:
/// <see cref="DeliveryLifecycle.Finished"/>) recorded longer ago than the configured days, in
/// small batches, each its own unit of work. Entries still waiting or being sent are never
/// removed, however old.
/// </summary>
internal sealed partial class DeliveryLogRetention(
    IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<DeliveryLogRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                var (emails, webhooks) = await PruneAsync(stoppingToken);
                if (emails + webhooks > 0)
                {
                    LogPruned(emails, webhooks);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPruneFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Removes every finished entry past its retention; returns how many emails and webhook deliveries went.</summary>
    public async Task<(int Emails, int Webhooks)> PruneAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return (await PruneAsync(db => db.Deliveries, options.Value.DeliveryLogDays, now, ct),
                await PruneAsync(db => db.WebhookDeliveries, options.Value.WebhookLogDays, now, ct));
    }

    private async Task<int> PruneAsync<T>(Func<NotificationsDbContext, DbSet<T>> log, int days, DateTimeOffset now, CancellationToken ct)
        where T : class, IDeliveryState
    {
        if (days <= 0)
        {
            return 0;
        }
        var before = now - TimeSpan.FromDays(days);
        var batch = Math.Max(1, options.Value.BatchSize);
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var removed = await scope.ServiceProvider.GetRequiredService<UnitOfWork<NotificationsDbContext>>().RunAsync(_ =>
                log(db).WhereStatusIn(DeliveryLifecycle.Finished)
                    .Where(d => EF.Property<DateTimeOffset>(d, nameof(IDeliveryState.CreatedAt)) < before)
                    .OrderBy(d => EF.Property<DateTimeOffset>(d, nameof(IDeliveryState.CreatedAt)))
                    .Take(batch)
                    .ExecuteDeleteAsync(ct), ct);
            total += removed;
            if (removed < batch)
            {
                return total;
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Delivery log retention removed {Emails} email and {Webhooks} webhook entries.")]
    private partial void LogPruned(int emails, int webhooks);

    [LoggerMessage(LogLevel.Warning, "Delivery log retention failed; it tries again at its next interval.")]
    private partial void LogPruneFailed(Exception ex);
}
