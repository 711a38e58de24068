using System.Diagnostics;

namespace Ksst.Bench.Measurement;

/// <summary>
/// A closed-loop load: <c>inFlight</c> callers, each issuing its next call when the previous one
/// returns, for a fixed time. Calls that fail are counted, not timed.
/// </summary>
public static class ClosedLoop
{
    /// <summary>Runs <paramref name="call"/> (given a unique sequence number) for <paramref name="duration"/>.</summary>
    public static async Task<Measured> RunAsync(string name, int inFlight, TimeSpan duration, Func<long, CancellationToken, Task> call, CancellationToken ct)
    {
        var latencies = new Latencies();
        long sequence = 0, errors = 0;
        string? firstError = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task Worker()
        {
            var mine = new List<long>(4096);
            while (Stopwatch.GetTimestamp() < end && !ct.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref sequence);
                var before = Stopwatch.GetTimestamp();
                try
                {
                    await call(n, ct);
                    mine.Add(Stopwatch.GetTimestamp() - before);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{ex.GetType().Name}: {ex.Message}", null);
                }
            }
            latencies.AddRange(mine);
        }

        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(Worker, ct)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Measured(name, $"{inFlight} in flight", latencies.Count, errors, seconds, latencies.Count / seconds, latencies.Summarise(), firstError);
    }
}
