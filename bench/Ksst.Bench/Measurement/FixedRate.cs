using System.Diagnostics;

namespace Ksst.Bench.Measurement;

/// <summary>
/// An open-loop load at a fixed rate: operation i is started at start + i / rate whether or not
/// earlier ones have finished (up to a bound on those outstanding), so a slow system cannot slow
/// the offered load down and hide its own queueing.
/// </summary>
public static class FixedRate
{
    /// <summary>Operations outstanding at most; beyond it the run counts the operation as refused.</summary>
    public const int MaxOutstanding = 1024;

    /// <summary>Starts <paramref name="operation"/> <paramref name="rate"/> times a second for <paramref name="duration"/>.</summary>
    public static async Task<(long Started, long Failed, long Refused, string? FirstError)> RunAsync(
        int rate, TimeSpan duration, Func<long, CancellationToken, Task> operation, CancellationToken ct)
    {
        var total = (long)(rate * duration.TotalSeconds);
        var outstanding = new List<Task>();
        long failed = 0, refused = 0, active = 0;
        string? firstError = null;
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < total && !ct.IsCancellationRequested; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }
            if (Interlocked.Read(ref active) >= MaxOutstanding)
            {
                refused++;
                continue;
            }
            Interlocked.Increment(ref active);
            var n = i;
            outstanding.Add(Task.Run(async () =>
            {
                try
                {
                    await operation(n, ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, $"{ex.GetType().Name}: {ex.Message}", null);
                }
                finally
                {
                    Interlocked.Decrement(ref active);
                }
            }, ct));
        }
        await Task.WhenAll(outstanding);
        return (total, failed, refused, firstError);
    }
}
