using Ksst.StackHarness;

namespace Ksst.Bench.Stack;

/// <summary>Samples the resident memory of the services' processes four times a second, keeping the peak.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, int> _pids;
    private readonly Dictionary<string, double> _peak = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public MemorySampler(IReadOnlyDictionary<string, int> pids)
    {
        _pids = pids;
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>Each service's resident memory now (MiB).</summary>
    public IReadOnlyDictionary<string, double> Now() =>
        _pids.ToDictionary(p => p.Key, p => ServiceProcesses.ResidentMiB(p.Value) ?? 0);

    /// <summary>Each service's peak since the last reset (MiB).</summary>
    public IReadOnlyDictionary<string, double> Peak()
    {
        lock (_peak)
        {
            return new Dictionary<string, double>(_peak);
        }
    }

    /// <summary>Starts a new peak.</summary>
    public void Reset()
    {
        lock (_peak)
        {
            _peak.Clear();
        }
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                foreach (var (service, mib) in Now())
                {
                    lock (_peak)
                    {
                        _peak[service] = Math.Max(_peak.GetValueOrDefault(service), mib);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
