using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ksst.Platform.Messaging;

/// <summary>
/// Watches the error queues of the service's own consumers (<see cref="EventSubscribers.OfService"/>,
/// MassTransit's "&lt;queue&gt;_error") every <see cref="Interval"/> by asking the broker their
/// message counts (a passive declare: nothing is created), and exports them as the gauge
/// <c>ksst.messaging.error_queue.messages</c> with a <c>queue</c> tag (0 for an error queue that
/// does not exist yet). While the broker cannot be asked the gauge reports nothing.
/// An operator moves the messages back with <c>./ksst errors drain</c>.
/// </summary>
internal sealed partial class ErrorQueueMonitor : BackgroundService
{
    /// <summary>The meter's name (exported with the other Ksst.* meters).</summary>
    public const string MeterName = "Ksst.Messaging";

    /// <summary>How often the counts are read.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly BrokerConnection _broker;
    private readonly IReadOnlyList<string> _queues;
    private readonly TimeProvider _clock;
    private readonly ILogger<ErrorQueueMonitor> _logger;
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private bool _reportedAway;

    public ErrorQueueMonitor(BrokerConnection broker, IReadOnlyList<string> errorQueues, IMeterFactory meters, TimeProvider clock, ILogger<ErrorQueueMonitor> logger)
    {
        _broker = broker;
        _queues = errorQueues;
        _clock = clock;
        _logger = logger;
        meters.Create(MeterName).CreateObservableGauge("ksst.messaging.error_queue.messages",
            () => _counts.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("queue", c.Key))),
            "{message}", "Messages waiting in each error queue of this service's consumers (./ksst errors drain moves them back).");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await ReadAsync(stoppingToken);
            await Task.Delay(Interval, _clock, stoppingToken);
        }
    }

    /// <summary>Reads every error queue's count once.</summary>
    internal async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var queue in _queues)
            {
                var count = await _broker.MessageCountAsync(queue, cancellationToken) ?? 0;
                if (count > 0 && _counts.GetValueOrDefault(queue) == 0)
                {
                    LogMessagesWaiting(count, queue);
                }
                _counts[queue] = count;
            }
            _reportedAway = false;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _counts.Clear(); // unknown, not zero
            if (!_reportedAway)
            {
                _reportedAway = true;
                LogBrokerAway(ex.Message);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "{Count} messages wait in error queue {Queue}; once their cause is fixed, ./ksst errors drain {Queue} moves them back.")]
    private partial void LogMessagesWaiting(uint count, string queue);

    [LoggerMessage(LogLevel.Information, "Error queues cannot be counted while the broker is away: {Error}")]
    private partial void LogBrokerAway(string error);
}
