using System.Collections.Concurrent;

namespace Ksst.Platform.Messaging;

/// <summary>
/// Whether an event can be published without any of our subscribers missing it: every queue
/// <see cref="EventSubscribers"/> lists for its exchange exists (its service has declared it, on
/// this broker, at least once) and is bound. A queue that exists is bound here too, the way its
/// consumer binds it, which closes the moment between MassTransit declaring a new queue and
/// binding it (it declares queues first, bindings after). Queues that exist are believed for
/// <see cref="SeenFor"/>; bindings for as long as no publish comes back unroutable.
/// </summary>
internal sealed class SubscriberRoutes(BrokerConnection broker, TimeProvider clock)
{
    /// <summary>How long queues found to exist are not asked about again.</summary>
    public static readonly TimeSpan SeenFor = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seenUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _bound = new(StringComparer.Ordinal);

    /// <summary>The subscriber queues of <paramref name="exchange"/> that do not exist yet; empty when it can be published.</summary>
    /// <exception cref="Exception">The broker could not be asked (away, or not answering).</exception>
    public async Task<IReadOnlyList<string>> MissingAsync(string exchange, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_seenUntil.TryGetValue(exchange, out var until) && until > now)
        {
            return [];
        }
        var missing = new List<string>();
        foreach (var subscriber in EventSubscribers.Of(exchange))
        {
            var key = exchange + " " + subscriber.Queue;
            if (await broker.MessageCountAsync(subscriber.Queue, cancellationToken) is null)
            {
                missing.Add(subscriber.Queue);
                _bound.TryRemove(key, out _);
            }
            else if (!_bound.ContainsKey(key))
            {
                await broker.BindAsync(exchange, subscriber.Queue, cancellationToken);
                _bound[key] = true;
            }
        }
        if (missing.Count == 0)
        {
            _seenUntil[exchange] = now + SeenFor;
        }
        return missing;
    }

    /// <summary>After a publish to <paramref name="exchange"/> came back unroutable: check and bind its queues again.</summary>
    public void Forget(string exchange)
    {
        _seenUntil.TryRemove(exchange, out _);
        foreach (var subscriber in EventSubscribers.Of(exchange))
        {
            _bound.TryRemove(exchange + " " + subscriber.Queue, out _);
        }
    }
}
