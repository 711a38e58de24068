using System.Globalization;

namespace Ksst.FaultRun;

/// <summary>
/// The size and timings of one fault run. <see cref="Full"/> is <c>./ksst chaos</c>;
/// <see cref="Short"/> is the version in <c>./ksst test</c> (every fault once, short outages).
/// </summary>
public sealed record FaultRunOptions
{
    /// <summary>Nominations sent in all, each a new participant with its own request id and email.</summary>
    public int Nominations { get; init; } = 10_000;

    /// <summary>Nominations per batch: every batch's deliveries fit in one page of the delivery log (500).</summary>
    public int NominationsPerBatch { get; init; } = 100;

    /// <summary>Seats of each batch (admitted on arrival; the rest are waitlisted).</summary>
    public int BatchCapacity { get; init; } = 50;

    /// <summary>Seats one nominating country may hold in a batch.</summary>
    public int CountryQuota { get; init; } = 4;

    /// <summary>Every this-many-th nomination names an agency contact, who is written to as well.</summary>
    public int AgencyContactEvery { get; init; } = 5;

    /// <summary>Nominations started per second, on schedule whatever the answers (open loop).</summary>
    public double Rate { get; init; } = 13;

    /// <summary>Calls outstanding at most; beyond it the next call waits for one to finish and the schedule falls behind.</summary>
    public int MaxInFlight { get; init; } = 256;

    /// <summary>Deadline of each Nominate call.</summary>
    public TimeSpan CallDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Calls per nomination at most: one, then retries with the same request id after 1, 2, 4… s.</summary>
    public int Attempts { get; init; } = 5;

    /// <summary>Load without faults before the first fault.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time after a fault has healed (every resource healthy again) before the next one.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long Redis is stopped.</summary>
    public TimeSpan CacheOutage { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the mail server is stopped.</summary>
    public TimeSpan MailOutage { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long Notifications' calls to Registration (contact lookups) hang unanswered while Registration runs on.</summary>
    public TimeSpan ContactOutage { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long Registration is frozen (SIGSTOP), so that every call to it, from the load and from the other services, times out.</summary>
    public TimeSpan RegistrationPause { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest wait for a restarted or resumed resource to be healthy again.</summary>
    public TimeSpan HealTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Longest wait, after the load and the faults, for the system to be quiet (outboxes, queues, deliveries).</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Polls without change before the system counts as quiet.</summary>
    public int QuietPolls { get; init; } = 3;

    /// <summary>Time between drain polls.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The whole run, stack start and stop included, ends after this, whatever is left.</summary>
    public TimeSpan MaxRunTime { get; init; } = TimeSpan.FromMinutes(45);

    /// <summary>Keep the stack's data folder (SQLite files, broker and mail data) when a check fails, for a look afterwards.</summary>
    public bool KeepDataOnFailure { get; init; }

    /// <summary><c>./ksst chaos</c>: 10,000 nominations over about 13 minutes of faults.</summary>
    public static FaultRunOptions Full => new() { KeepDataOnFailure = true };

    /// <summary>The version in <c>./ksst test</c>: a few hundred nominations, every fault once with short outages; a few minutes.</summary>
    public static FaultRunOptions Short => new()
    {
        Nominations = 400,
        NominationsPerBatch = 50,
        BatchCapacity = 25,
        CountryQuota = 2,
        Rate = 3,
        CallDeadline = TimeSpan.FromSeconds(5),
        WarmUp = TimeSpan.FromSeconds(5),
        Settle = TimeSpan.FromSeconds(5),
        CacheOutage = TimeSpan.FromSeconds(10),
        MailOutage = TimeSpan.FromSeconds(20),
        ContactOutage = TimeSpan.FromSeconds(15),
        RegistrationPause = TimeSpan.FromSeconds(10),
        HealTimeout = TimeSpan.FromMinutes(2),
        DrainTimeout = TimeSpan.FromMinutes(4),
        QuietPolls = 2,
        PollInterval = TimeSpan.FromSeconds(3),
        MaxRunTime = TimeSpan.FromMinutes(14),
    };

    /// <summary>Batches the nominations fill.</summary>
    public int Batches => (Nominations + NominationsPerBatch - 1) / NominationsPerBatch;

    /// <summary>Emails per second the steady load causes: two per nomination, two more for those naming an agency contact.</summary>
    public double EmailsPerSecond => Rate * (2 + 2.0 / AgencyContactEvery);

    /// <summary>Messages the mail server must keep: every email of the run, with room to spare for duplicates.</summary>
    public int MailToKeep => Math.Max(10_000, Nominations * 6 + Batches * 2);

    /// <summary>
    /// Applies command-line options to these: <c>--short</c>, <c>--nominations N</c>, <c>--rate R</c>,
    /// <c>--in-flight N</c>, <c>--settle S</c>, <c>--cache-outage S</c>, <c>--mail-outage S</c>,
    /// <c>--pause S</c>, <c>--contact-outage S</c>, <c>--drain S</c>, <c>--max-minutes M</c>, <c>--keep-data</c>.
    /// </summary>
    public static FaultRunOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--short") ? Short : Full;
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            double Number() => double.Parse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture);
            TimeSpan Seconds() => TimeSpan.FromSeconds(Number());
            options = args[i] switch
            {
                "--short" => options,
                "--nominations" => options with { Nominations = (int)Number() },
                "--rate" => options with { Rate = Number() },
                "--in-flight" => options with { MaxInFlight = (int)Number() },
                "--settle" => options with { Settle = Seconds() },
                "--cache-outage" => options with { CacheOutage = Seconds() },
                "--mail-outage" => options with { MailOutage = Seconds() },
                "--pause" => options with { RegistrationPause = Seconds() },
                "--contact-outage" => options with { ContactOutage = Seconds() },
                "--drain" => options with { DrainTimeout = Seconds() },
                "--max-minutes" => options with { MaxRunTime = TimeSpan.FromMinutes(Number()) },
                "--keep-data" => options with { KeepDataOnFailure = true },
                _ => throw new ArgumentException(
                    $"Unknown option '{args[i]}'. Options: --short, --nominations N, --rate R, --in-flight N, --settle S, " +
                    "--cache-outage S, --mail-outage S, --pause S, --contact-outage S, --drain S, --max-minutes M, --keep-data."),
            };
        }
        return options.Validated();
    }

    /// <summary>These options, or an <see cref="ArgumentException"/> naming the one that cannot work.</summary>
    public FaultRunOptions Validated()
    {
        // Two emails per nomination, and two more when an agency contact is named; one per batch to the organisers.
        var perBatch = NominationsPerBatch * (2 + 2.0 / AgencyContactEvery) + 1;
        return this switch
        {
            { Nominations: < 1 } => throw new ArgumentException("--nominations must be at least 1."),
            { Rate: <= 0 } => throw new ArgumentException("--rate must be positive."),
            { MaxInFlight: < 1 } => throw new ArgumentException("--in-flight must be at least 1."),
            _ when perBatch >= 450 => throw new ArgumentException($"{NominationsPerBatch} nominations per batch make about {perBatch:0} deliveries: more than one page of the delivery log."),
            _ => this,
        };
    }
}
