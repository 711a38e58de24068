using System.Globalization;
using System.Text;
using Ksst.Contracts.Registration.V1;
using Ksst.FaultRun.Checks;
using Ksst.FaultRun.Load;

namespace Ksst.FaultRun;

/// <summary>What a fault run did and found: the load, each fault with its times, the drain, and each check's verdict.</summary>
/// <param name="Options">The run's size and timings.</param>
/// <param name="Started">When the run started (before the stack).</param>
/// <param name="Ended">When it ended (after the stack stopped).</param>
/// <param name="StackStartup">How long the stack took to be healthy.</param>
/// <param name="Evidence">What the checks judged.</param>
/// <param name="Checks">Every check's verdict.</param>
/// <param name="DataFolder">Where the stack's data was kept for a look, when it was.</param>
public sealed record FaultRunReport(
    FaultRunOptions Options, DateTimeOffset Started, DateTimeOffset Ended, TimeSpan StackStartup,
    Evidence Evidence, IReadOnlyList<CheckResult> Checks, string? DataFolder)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);

    /// <summary>The report as text, for the terminal and the test output.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        var load = Evidence.Load;
        var accepted = load.Accepted.ToList();
        Line($"Fault run: {Options.Nominations:N0} nominations at {Options.Rate.ToString("0.##", CultureInfo.InvariantCulture)}/s " +
            $"(at most {Options.MaxInFlight} in flight, {Options.Attempts} calls each at most, {Durations.Text(Options.CallDeadline)} deadline) " +
            $"into {Evidence.BatchIds.Count} batches; {Durations.At(Started)}–{Durations.At(Ended)} UTC, {Durations.Text(Ended - Started)} in all " +
            $"(stack healthy after {Durations.Text(StackStartup)}).");
        Line();
        Line($"Load ({Durations.At(load.Started)}–{Durations.At(load.Ended)}): {load.Nominations:N0} nominations in {load.Calls:N0} calls; " +
            $"{accepted.Count:N0} answered OK ({accepted.Count(a => a.Status == NominationStatus.Accepted):N0} accepted, " +
            $"{accepted.Count(a => a.Status == NominationStatus.Waitlisted):N0} waitlisted), " +
            $"{load.Outcomes.Count(o => o.Kind == OutcomeKind.Refused):N0} refused, {load.Outcomes.Count(o => o.Kind == OutcomeKind.GaveUp):N0} without an answer; " +
            $"at worst {Durations.Text(load.MaxLag)} behind schedule.");
        if (load.Errors.Count > 0)
        {
            Line($"  failed calls by status: {string.Join(", ", load.Errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {e.Value:N0}"))}");
        }
        Line();
        Line("Faults (one at a time; each healed and every resource healthy before the next):");
        var number = 0;
        foreach (var fault in Evidence.Faults)
        {
            Line($"  {++number}. {fault.Name,-34} {Durations.At(fault.Injected)} → healed {At(fault.Healed)}, all healthy {At(fault.Healthy)}" +
                (fault.Healthy is { } healthy ? $" ({Durations.Text(healthy - fault.Injected)})" : "") + $"  {fault.Note}");
            Line($"     {fault.Description}" + (fault.Problem is null ? "" : $"; PROBLEM: {fault.Problem}"));
        }
        Line();
        Line($"Drain: {(Evidence.Drain.Quiet ? "quiet" : "NOT quiet")} after {Durations.Text(Evidence.Drain.Took)} (at most {Durations.Text(Options.DrainTimeout)}): {Evidence.Drain.Last}.");
        Line();
        Line("Checks:");
        foreach (var check in Checks)
        {
            Line($"  {(check.Passed ? "PASS" : "FAIL")}  {check.Name}: {check.Summary}");
            foreach (var example in check.Examples)
            {
                Line($"          - {example}");
            }
        }
        Line();
        var failed = Checks.Count(c => !c.Passed);
        Line(failed == 0 ? $"Result: PASSED ({Checks.Count} checks)." : $"Result: FAILED ({failed} of {Checks.Count} checks failed).");
        if (DataFolder is not null)
        {
            Line($"The stack's data (SQLite files, broker node, mail database) is kept in {DataFolder}.");
        }
        return text.ToString();
    }

    private static string At(DateTimeOffset? time) => time is { } t ? Durations.At(t) : "never";
}
