using Ksst.FaultRun.Observations;

namespace Ksst.FaultRun.Faults;

/// <summary>
/// The faults of a run, one at a time: each is injected, lasts its time, is healed, and the next
/// comes only once every resource is healthy again and the system has had a while to recover.
/// A fault that cannot be healed ends the schedule (the run still drains and checks).
/// </summary>
/// <param name="options">The run's timings.</param>
/// <param name="contactCalls">The relay Notifications' calls to Registration go through.</param>
/// <param name="mailbox">The inbox, whose arrivals time the last crash.</param>
public sealed class FaultSchedule(FaultRunOptions options, CallRelay contactCalls, Mailbox mailbox)
{
    /// <summary>
    /// The faults, in order: Registration and Scheduling crash, the broker restarts, Redis is away,
    /// Notifications' calls to Registration hang, Registration hangs, the mail server is away, and
    /// Notifications crashes just after it is back, while the mail that waited goes out.
    /// </summary>
    public IReadOnlyList<Fault> Faults { get; } =
    [
        new KillService("registration"),
        new KillService("scheduling"),
        new StopResource("messaging", "RabbitMQ", TimeSpan.Zero),
        new StopResource("cache", "Redis", options.CacheOutage),
        new CutCalls(contactCalls, "notifications", "registration", options.ContactOutage),
        new FreezeService("registration", options.RegistrationPause),
        new StopResource("mail", "The mail server (smtp4dev)", options.MailOutage) { NextFollowsAtOnce = true },
        new KillService("notifications", ct => MailFlowingAsync(mailbox, options, ct)),
    ];

    /// <summary>The time the schedule takes at least: warm-up, every fault's duration and the settling after each.</summary>
    public TimeSpan PlannedTime => options.WarmUp + Faults.Aggregate(TimeSpan.Zero, (sum, f) => sum + f.Duration + (f.NextFollowsAtOnce ? TimeSpan.Zero : options.Settle));

    /// <summary>Runs every fault in turn after the warm-up; returns what happened to each.</summary>
    public async Task<IReadOnlyList<FaultRecord>> RunAsync(StackControl stack, TextWriter log, CancellationToken ct)
    {
        var records = new List<FaultRecord>();
        await Task.Delay(options.WarmUp, ct);
        foreach (var fault in Faults)
        {
            var record = await RunAsync(fault, stack, log, ct);
            records.Add(record);
            if (record.Problem is not null)
            {
                log.WriteLine($"{Durations.Now} faults: stopping the schedule: {record.Problem}");
                break;
            }
            if (!fault.NextFollowsAtOnce)
            {
                await Task.Delay(options.Settle, ct);
            }
        }
        return records;
    }

    /// <summary>
    /// Waits (at most half a minute) until mail arrives at twice the load's steady pace, as when the
    /// mail that waited through an outage goes out; says how fast it came.
    /// </summary>
    private static async Task<string> MailFlowingAsync(Mailbox mailbox, FaultRunOptions options, CancellationToken ct)
    {
        var window = TimeSpan.FromSeconds(2);
        var fast = (int)Math.Max(10, 2 * options.EmailsPerSecond * window.TotalSeconds);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (mailbox.CollectedWithin(window) < fast && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
        return $"as {mailbox.CollectedWithin(window)} emails arrived in {window.TotalSeconds:0} s (steady load: {options.EmailsPerSecond * window.TotalSeconds:0})";
    }

    private async Task<FaultRecord> RunAsync(Fault fault, StackControl stack, TextWriter log, CancellationToken ct)
    {
        var injected = DateTimeOffset.UtcNow;
        log.WriteLine($"{Durations.Now} fault: {fault.Name}…");
        string? note = null;
        DateTimeOffset? healed = null;
        try
        {
            note = await fault.InjectAsync(stack, ct);
            await Task.Delay(fault.Duration, ct);
            await fault.HealAsync(stack, ct);
            healed = DateTimeOffset.UtcNow;
            await stack.WaitAllHealthyAsync(options.HealTimeout, ct);
            var healthy = DateTimeOffset.UtcNow;
            log.WriteLine($"{Durations.Now} fault: {fault.Name}: {note}; healthy again after {Durations.Text(healthy - injected)}.");
            return new FaultRecord(fault.Name, fault.Description, injected, healed, healthy, note, null);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return new FaultRecord(fault.Name, fault.Description, injected, healed, null, note, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
