using System.Diagnostics;
using Ksst.StackHarness;

namespace Ksst.FaultRun.Observations;

/// <summary>
/// Notes every process of the stack's resources while the run goes on (restarts bring new ones),
/// so that once the stack has stopped it can tell whether any is left, and stop those: they are
/// this run's own.
/// </summary>
public sealed class ProcessWatch : IAsyncDisposable
{
    private readonly LocalStack _stack;
    private readonly HashSet<RunningProcess> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    /// <summary>Starts noting the processes of <paramref name="stack"/> every two seconds.</summary>
    public ProcessWatch(LocalStack stack)
    {
        _stack = stack;
        Note();
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>Processes noted so far.</summary>
    public int Seen
    {
        get
        {
            lock (_seen)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>Notes the stack's processes now (also done every two seconds).</summary>
    public void Note()
    {
        var now = _stack.Processes();
        lock (_seen)
        {
            _seen.UnionWith(now);
        }
    }

    /// <summary>
    /// After the stack has stopped: the noted processes still running (waiting up to
    /// <paramref name="grace"/> for them to end), each then stopped with SIGTERM and, if need be, SIGKILL.
    /// </summary>
    public async Task<IReadOnlyList<RunningProcess>> LeftAfterStopAsync(TimeSpan grace)
    {
        await DisposeAsync();
        List<RunningProcess> Alive()
        {
            lock (_seen)
            {
                return _seen.Where(ServiceProcesses.IsAlive).ToList();
            }
        }
        var clock = Stopwatch.StartNew();
        while (Alive().Count > 0 && clock.Elapsed < grace)
        {
            await Task.Delay(500);
        }
        var left = Alive();
        foreach (var process in left)
        {
            await StopAsync(process);
        }
        return left;
    }

    private static async Task StopAsync(RunningProcess process)
    {
        try
        {
            using var running = Process.GetProcessById(process.Id);
            running.Kill(); // SIGKILL: it outlived the stack's own orderly stop already
            await running.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or TimeoutException)
        {
            // Gone meanwhile, or not stoppable: reported either way.
        }
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Note();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
            // The stack was disposed before the watch was stopped (a tick between the two): its
            // processes were noted up to its stop, which is what the check needs.
        }
    }

    /// <summary>Stops noting.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _sampling;
        }
    }
}
