using System.Diagnostics;

namespace Ksst.Bench.Measurement;

/// <summary>Latency samples (Stopwatch ticks) of one measurement, summarised exactly by sorting.</summary>
public sealed class Latencies
{
    private readonly List<long> _ticks = [];
    private readonly Lock _lock = new();

    /// <summary>Adds one sample.</summary>
    public void Add(long ticks)
    {
        lock (_lock)
        {
            _ticks.Add(ticks);
        }
    }

    /// <summary>Adds a worker's samples at once.</summary>
    public void AddRange(IEnumerable<long> ticks)
    {
        lock (_lock)
        {
            _ticks.AddRange(ticks);
        }
    }

    /// <summary>Adds a sample given as a duration.</summary>
    public void Add(TimeSpan duration) => Add((long)(duration.TotalSeconds * Stopwatch.Frequency));

    /// <summary>Number of samples.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _ticks.Count;
            }
        }
    }

    /// <summary>p50, p99, p99.9 and max in milliseconds (nearest-rank); zeros when empty.</summary>
    public Percentiles Summarise()
    {
        long[] sorted;
        lock (_lock)
        {
            sorted = [.. _ticks];
        }
        Array.Sort(sorted);
        return new Percentiles(Rank(sorted, 0.50), Rank(sorted, 0.99), Rank(sorted, 0.999), sorted.Length == 0 ? 0 : Ms(sorted[^1]));
    }

    /// <summary>The nearest-rank percentile <paramref name="p"/> of sorted samples, in ms.</summary>
    public static double Rank(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Ms(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)]);

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record Percentiles(double P50, double P99, double P999, double Max);
