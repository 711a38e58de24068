using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Ksst.Bench.Stack;

/// <summary>
/// Reads a running service's own counters over EventPipe, as dotnet-counters does: the runtime's
/// System.Diagnostics.Metrics event source publishes each counter's increase every second, and
/// this sums them per counter and tag set.
/// </summary>
public sealed class MeterReader : IAsyncDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _processing;
    private readonly Dictionary<string, double> _totals = new(StringComparer.Ordinal);
    private readonly string _sessionId = Guid.NewGuid().ToString("N");

    private MeterReader(int pid, string meter)
    {
        var client = new DiagnosticsClient(pid);
        var arguments = new Dictionary<string, string>
        {
            ["SessionId"] = _sessionId,
            ["Metrics"] = meter,
            ["RefreshInterval"] = "1",
            ["MaxTimeSeries"] = "1000",
            ["MaxHistograms"] = "20",
        };
        _session = client.StartEventPipeSession(
            [new EventPipeProvider("System.Diagnostics.Metrics", EventLevel.Informational, 0x2, arguments)], requestRundown: false);
        var source = new EventPipeEventSource(_session.EventStream);
        source.Dynamic.All += OnEvent;
        _processing = Task.Run(source.Process);
    }

    /// <summary>Starts reading <paramref name="meter"/> in process <paramref name="pid"/>.</summary>
    public static MeterReader Start(int pid, string meter) => new(pid, meter);

    /// <summary>The total so far of <paramref name="instrument"/> with tags containing <paramref name="tag"/> (e.g. "view=itinerary").</summary>
    public double Total(string instrument, string tag)
    {
        lock (_totals)
        {
            return _totals.Where(t => t.Key.StartsWith(instrument + "|", StringComparison.Ordinal) && t.Key.Contains(tag, StringComparison.Ordinal)).Sum(t => t.Value);
        }
    }

    private void OnEvent(TraceEvent e)
    {
        if (e.EventName != "CounterRateValuePublished" || (string)e.PayloadByName("sessionId") != _sessionId)
        {
            return;
        }
        var key = $"{e.PayloadByName("instrumentName")}|{e.PayloadByName("tags")}";
        if (double.TryParse(e.PayloadByName("rate")?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var rate))
        {
            lock (_totals)
            {
                _totals[key] = _totals.GetValueOrDefault(key) + rate;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _session.StopAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or EndOfStreamException or IOException or TimeoutException)
        {
            // The process is gone; nothing to stop.
        }
        await Task.WhenAny(_processing, Task.Delay(TimeSpan.FromSeconds(5)));
        _session.Dispose();
    }
}
