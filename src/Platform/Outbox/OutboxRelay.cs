using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ksst.Platform.Outbox;

/// <summary>
/// Publishes committed outbox rows to the broker, oldest first. A row is marked published only
/// after the broker confirms it (publisher confirms), so a crash at any point leaves it to be
/// sent again on restart (at least once; consumers de-duplicate by message id). Failures back
/// off exponentially per row, capped at <see cref="MaxBackoff"/>; the relay never gives up on an
/// event.
/// </summary>
internal sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    internal static readonly ActivitySource Source = new("Ksst.Outbox");
    private static readonly TimeSpan FallbackPoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    // With the broker gone MassTransit waits for a connection; an attempt ends here instead.
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RelayBatchAsync(stoppingToken) == BatchSize)
                {
                    continue; // more waiting
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRelayFailed(ex);
            }
            await signal.WaitAsync(FallbackPoll, stoppingToken);
        }
    }

    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork<TContext>>();
        var now = clock.GetUtcNow();
        var pending = await db.Set<OutboxMessage>()
            .Where(m => m.PublishedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.CreatedAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        // The batch's publishes start oldest first without waiting for each confirm in turn: the
        // confirms are awaited together, then every outcome is recorded in one save. Events of
        // one batch may so reach the broker slightly out of order; no consumer relies on order
        // (roster moves are time-ordered, reminders ignore older events). A crash before the save
        // sends the batch again (at least once; consumers de-duplicate by message id).
        await Task.WhenAll(pending.Select(message => TryPublishAsync(message, cancellationToken)));
        // Through the one write path like every writer of the process: SQLite would otherwise
        // make the loser of a lock race sleep in its busy handler.
        await unitOfWork.RunAsync(_ => Task.CompletedTask, cancellationToken);
        return pending.Count;
    }

    private async Task TryPublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivityFor("outbox relay", ActivityKind.Internal, message);
        activity?.SetTag("messaging.message.id", message.Id);
        activity?.SetTag("ksst.event.type", message.Type);
        try
        {
            var type = EventTypes.Resolve(message.Type);
            var body = JsonSerializer.Deserialize(message.Payload, type, EventJson.Options)!;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(PublishTimeout);
            await bus.Publish(body, type, context => context.MessageId = message.Id, attempt.Token);
            message.PublishedAt = clock.GetUtcNow();
            message.LastError = null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            message.Attempts++;
            message.LastError = ex.Message;
            message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogPublishFailed(message.Id, message.Type, message.Attempts, ex);
        }
    }

    /// <summary>Exponential backoff: 0.5 s, 1 s, 2 s, … capped at 30 s.</summary>
    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(attempts, 20))));

    [LoggerMessage(LogLevel.Error, "The outbox relay failed; it retries.")]
    private partial void LogRelayFailed(Exception ex);

    [LoggerMessage(LogLevel.Warning, "Publishing event {EventId} ({EventType}) failed on attempt {Attempts}; it retries.")]
    private partial void LogPublishFailed(Guid eventId, string eventType, int attempts, Exception ex);
}
