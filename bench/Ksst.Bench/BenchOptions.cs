using System.Globalization;

namespace Ksst.Bench;

/// <summary>How long each part of the run lasts; set from the command line.</summary>
public sealed record BenchOptions
{
    /// <summary>Warm-up before a target's first measurement (the JIT settles after 6–7 s on 2 cores).</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Warm-up of targets already warm or not JIT-bound (Redis, RabbitMQ, second levels).</summary>
    public TimeSpan ShortWarmUp { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Length of each measurement.</summary>
    public TimeSpan Measure { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the email scenario waits for the last emails before counting them as unsent.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The whole run stops after this, whatever is left.</summary>
    public TimeSpan MaxRunTime { get; init; } = TimeSpan.FromMinutes(25);

    /// <summary>Only these parts run (timetable, echo, redis, rabbitmq, reads, check, email, nominate); empty: all.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    /// <summary>True when <paramref name="part"/> is to run.</summary>
    public bool Runs(string part) => Only.Count == 0 || Only.Contains(part);

    /// <summary>Where the reports go.</summary>
    public string OutputDirectory { get; init; } = Path.Combine(".ksst", "bench");

    /// <summary>Reads --warm-up S, --measure S, --drain S, --out DIR, --only PARTS and --quick (3 s each, for a smoke run).</summary>
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            TimeSpan Seconds() => TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture));
            options = args[i] switch
            {
                "--warm-up" => options with { WarmUp = Seconds() },
                "--measure" => options with { Measure = Seconds() },
                "--drain" => options with { DrainTimeout = Seconds() },
                "--out" => options with { OutputDirectory = args[++i] },
                "--only" => options with { Only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet() },
                "--quick" => options with { WarmUp = TimeSpan.FromSeconds(3), ShortWarmUp = TimeSpan.FromSeconds(2), Measure = TimeSpan.FromSeconds(3), DrainTimeout = TimeSpan.FromSeconds(60) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --warm-up S, --measure S, --drain S, --out DIR, --only PART[,PART], --quick."),
            };
        }
        return options;
    }
}
