using Ksst.Contracts.Notifications.V1;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using Ksst.FaultRun.Faults;
using Ksst.FaultRun.Load;
using Ksst.FaultRun.Observations;

namespace Ksst.FaultRun.Checks;

/// <summary>Everything the checks judge, gathered once the system is quiet.</summary>
/// <param name="BatchIds">The run's batches.</param>
/// <param name="Load">What the load sent and got back.</param>
/// <param name="Faults">What each fault did.</param>
/// <param name="Drain">How the drain ended.</param>
/// <param name="Nominations">Registration's nominations in the run's batches.</param>
/// <param name="Roster">Scheduling's roster entries of the run's batches.</param>
/// <param name="Deliveries">Notifications' deliveries about the run's batches.</param>
/// <param name="MessageIds">The Message-Id of every email in the inbox, once per email.</param>
/// <param name="Queues">Every queue of the broker.</param>
/// <param name="Outboxes">Every service's outbox.</param>
public sealed record Evidence(
    IReadOnlyList<string> BatchIds,
    LoadResult Load,
    IReadOnlyList<FaultRecord> Faults,
    DrainResult Drain,
    IReadOnlyList<Nomination> Nominations,
    IReadOnlyList<RosterEntry> Roster,
    IReadOnlyList<Delivery> Deliveries,
    IReadOnlyList<string> MessageIds,
    IReadOnlyList<QueueDepth> Queues,
    IReadOnlyList<OutboxState> Outboxes);

/// <summary>One check's verdict.</summary>
/// <param name="Name">What is checked, as a sentence.</param>
/// <param name="Passed">Whether it holds.</param>
/// <param name="Summary">The counts behind the verdict.</param>
/// <param name="Examples">A few of the cases that break it.</param>
public sealed record CheckResult(string Name, bool Passed, string Summary, IReadOnlyList<string> Examples)
{
    /// <summary>How many examples a report shows of each failure.</summary>
    public const int ExampleCount = 5;

    /// <summary>A verdict from the cases that break the rule (none: passed).</summary>
    public static CheckResult From(string name, IReadOnlyCollection<string> breaches, string summary) =>
        new(name, breaches.Count == 0, summary, breaches.Take(ExampleCount).ToList());
}
