using System.Diagnostics;
using System.Text.Json;
using Ksst.Contracts.Events;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ksst.Platform.Outbox;

/// <summary>
/// Publishes committed outbox rows to the broker, oldest first, as mandatory messages: a publish
/// that no queue receives comes back as a failure, never silently dropped. A row is marked
/// published only after the broker confirms it (publisher confirms), so a crash at any point
/// leaves it to be sent again on restart (at least once; consumers de-duplicate by message id).
/// Before an event goes out, every subscriber queue of ours listed for it must exist and be bound
/// (<see cref="SubscriberRoutes"/>); until then its rows wait, spending no attempts.
/// <para>
/// Failures are of two kinds. A broker that is away, slow or not confirming pauses the whole
/// relay (<see cref="OutboxBackoff.BrokerAway"/>) and costs no row an attempt, however long it
/// lasts. A failure of the row itself — its type unknown, its payload unreadable, a publish
/// returned as unroutable — counts: the row backs off (<see cref="OutboxBackoff.After"/>) and is
/// dead after <see cref="OutboxOptions.MaxAttempts"/>, until an operator retries it.
/// </para>
/// </summary>
internal sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    SubscriberRoutes routes,
    OutboxSignal signal,
    OutboxMetrics metrics,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    internal static readonly ActivitySource Source = new("Ksst.Outbox");
    private static readonly TimeSpan FallbackPoll = TimeSpan.FromSeconds(1);
    // With the broker gone MassTransit waits for a connection; an attempt ends here instead.
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private const int BatchSize = 100;

    /// <summary>Event types whose subscriber queues are missing, and when to look again.</summary>
    private readonly Dictionary<string, DateTimeOffset> _waiting = new(StringComparer.Ordinal);
    /// <summary>Event types reported as waiting, until they can be published again.</summary>
    private readonly HashSet<string> _reportedWaiting = new(StringComparer.Ordinal);
    private int _brokerFailures;

    /// <summary>What one round did.</summary>
    private readonly record struct Round(int Rows, bool BrokerFailed);

    /// <summary>How one publish ended.</summary>
    private enum Outcome { Published, Returned, BrokerFailed }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var brokerFailed = true;
            try
            {
                var round = await RelayBatchAsync(stoppingToken);
                brokerFailed = round.BrokerFailed;
                if (!brokerFailed)
                {
                    _brokerFailures = 0;
                    if (round.Rows == BatchSize)
                    {
                        continue; // more waiting
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRelayFailed(ex);
            }
            if (brokerFailed)
            {
                // New commits do not wake the relay meanwhile: their events wait with the rest.
                await Task.Delay(OutboxBackoff.BrokerAway(++_brokerFailures), clock, stoppingToken);
            }
            else
            {
                await signal.WaitAsync(FallbackPoll, stoppingToken);
            }
        }
    }

    private async Task<Round> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork<TContext>>();
        var now = clock.GetUtcNow();
        foreach (var (type, until) in _waiting.ToList())
        {
            if (until <= now)
            {
                _waiting.Remove(type);
            }
        }
        var waiting = _waiting.Keys.ToList();
        var pending = await db.Set<OutboxMessage>()
            .Where(m => m.PublishedAt == null && m.DeadAt == null && m.NextAttemptAt <= now && !waiting.Contains(m.Type))
            .OrderBy(m => m.CreatedAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return new Round(0, BrokerFailed: false);
        }

        var failures = new List<(OutboxMessage Row, string Error, string Reason)>();
        var ready = new List<(OutboxMessage Row, Type Type, object Body)>();
        foreach (var rows in pending.GroupBy(m => m.Type))
        {
            if (!EventTypes.TryResolve(rows.Key, out var type))
            {
                failures.AddRange(rows.Select(row => (row, $"Unknown integration event type '{rows.Key}'.", OutboxMetrics.Unreadable)));
                continue;
            }
            var exchange = IntegrationEvents.ExchangeOf(type);
            IReadOnlyList<string> missing;
            try
            {
                missing = await routes.MissingAsync(exchange, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Nothing is published while the broker cannot even be asked. The rows say why
                // (for operators listing them), and spend no attempt.
                metrics.Failed(OutboxMetrics.Broker);
                LogBrokerAway(pending.Count, ex.Message);
                pending.ForEach(row => row.LastError = $"The broker is away: {ex.Message}");
                await unitOfWork.RunAsync(_ => Task.CompletedTask, cancellationToken);
                return new Round(pending.Count, BrokerFailed: true);
            }
            if (missing.Count > 0)
            {
                Wait(rows.Key, rows.ToList(), missing, now);
                continue;
            }
            if (_reportedWaiting.Remove(rows.Key))
            {
                LogSubscribersReady(rows.Key);
            }
            foreach (var row in rows)
            {
                if (Read(row, type) is { } body)
                {
                    ready.Add((row, type, body));
                }
                else
                {
                    failures.Add((row, $"The payload of '{rows.Key}' cannot be read as that event.", OutboxMetrics.Unreadable));
                }
            }
        }

        // The batch's publishes start oldest first without waiting for each confirm in turn: the
        // confirms are awaited together, then every outcome is recorded in one save. Events of
        // one batch may so reach the broker slightly out of order; no consumer relies on order
        // (roster moves are time-ordered, reminders ignore older events). A crash before the save
        // sends the batch again (at least once; consumers de-duplicate by message id).
        var outcomes = await Task.WhenAll(ready.Select(r => TryPublishAsync(r.Row, r.Type, r.Body, cancellationToken)));
        var brokerFailed = false;
        var failedAt = clock.GetUtcNow();
        for (var i = 0; i < ready.Count; i++)
        {
            var (row, type, _) = ready[i];
            switch (outcomes[i])
            {
                case Outcome.Returned:
                    var exchange = IntegrationEvents.ExchangeOf(type);
                    routes.Forget(exchange); // look for (and bind) its queues again before the next try
                    failures.Add((row, $"The broker returned the event: no queue is bound to '{exchange}'.", OutboxMetrics.Returned));
                    break;
                case Outcome.BrokerFailed:
                    brokerFailed = true;
                    metrics.Failed(OutboxMetrics.Broker);
                    break;
            }
        }
        foreach (var (row, error, reason) in failures)
        {
            metrics.Failed(reason);
            if (row.FailedItself(error, failedAt, options.Value.MaxAttempts))
            {
                LogDead(row.Id, row.Type, row.Attempts, error);
            }
            else
            {
                LogRowFailed(row.Id, row.Type, row.Attempts, error);
            }
        }
        if (brokerFailed)
        {
            LogBrokerAway(outcomes.Count(o => o == Outcome.BrokerFailed), ready.Select(r => r.Row.LastError).FirstOrDefault(e => e is not null) ?? "");
        }
        // Through the one write path like every writer of the process: SQLite would otherwise
        // make the loser of a lock race sleep in its busy handler.
        await unitOfWork.RunAsync(_ => Task.CompletedTask, cancellationToken);
        return new Round(pending.Count, brokerFailed);
    }

    /// <summary>Holds back the rows of <paramref name="type"/> until its subscriber queues exist; no attempt is spent.</summary>
    private void Wait(string type, List<OutboxMessage> rows, IReadOnlyList<string> missing, DateTimeOffset now)
    {
        _waiting[type] = now + FallbackPoll;
        metrics.Failed(OutboxMetrics.SubscriberMissing);
        var error = $"Waiting for subscriber queue(s) {string.Join(", ", missing)}: their service has not yet started on this broker.";
        rows.ForEach(row => row.LastError = error); // unchanged text is not written again
        if (_reportedWaiting.Add(type))
        {
            LogWaitingForSubscribers(type, string.Join(", ", missing));
        }
    }

    private static object? Read(OutboxMessage row, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(row.Payload, type, EventJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<Outcome> TryPublishAsync(OutboxMessage message, Type type, object body, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivityFor("outbox relay", ActivityKind.Internal, message);
        activity?.SetTag("messaging.message.id", message.Id);
        activity?.SetTag("ksst.event.type", message.Type);
        try
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(PublishTimeout);
            await bus.Publish(body, type, context =>
            {
                context.MessageId = message.Id;
                // Returned by the broker when no queue is bound: MassTransit then throws
                // MessageReturnedException (publisher confirms are on).
                context.Mandatory = true;
            }, attempt.Token);
            message.PublishedAt = clock.GetUtcNow();
            message.LastError = null;
            return Outcome.Published;
        }
        catch (MessageReturnedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return Outcome.Returned;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            message.LastError = $"The broker did not take the event: {ex.Message}";
            return Outcome.BrokerFailed;
        }
    }

    [LoggerMessage(LogLevel.Error, "The outbox relay failed; it retries.")]
    private partial void LogRelayFailed(Exception ex);

    [LoggerMessage(LogLevel.Warning, "The broker is away or not confirming ({Events} events wait; no attempt is spent): {Error}")]
    private partial void LogBrokerAway(int events, string error);

    [LoggerMessage(LogLevel.Warning, "Events of {EventType} wait for subscriber queue(s) {Queues}: their service has not yet started on this broker.")]
    private partial void LogWaitingForSubscribers(string eventType, string queues);

    [LoggerMessage(LogLevel.Information, "The subscriber queues of {EventType} exist now; its events are published.")]
    private partial void LogSubscribersReady(string eventType);

    [LoggerMessage(LogLevel.Warning, "Publishing event {EventId} ({EventType}) failed on attempt {Attempts}; it retries: {Error}")]
    private partial void LogRowFailed(Guid eventId, string eventType, int attempts, string error);

    [LoggerMessage(LogLevel.Error, "Event {EventId} ({EventType}) is dead after {Attempts} attempts: {Error} An operator can retry it (./ksst outbox retry).")]
    private partial void LogDead(Guid eventId, string eventType, int attempts, string error);
}
