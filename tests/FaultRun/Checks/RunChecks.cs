namespace Ksst.FaultRun.Checks;

/// <summary>The run itself went as planned: every fault was done and healed, and the system became quiet in the drain's time.</summary>
public static class RunChecks
{
    /// <summary>Every fault of the schedule was injected and healed, and the stack was healthy again afterwards.</summary>
    public static CheckResult FaultsHealed(Evidence evidence, int planned) =>
        CheckResult.From("Every fault was done and healed",
            [
                .. evidence.Faults.Where(f => f.Problem is not null).Select(f => $"{f.Name}: {f.Problem}"),
                .. evidence.Faults.Count < planned ? [$"{planned - evidence.Faults.Count} of {planned} faults were not reached"] : Array.Empty<string>(),
            ],
            $"{evidence.Faults.Count(f => f.Healthy is not null)} of {planned} faults healed");

    /// <summary>Nothing was still in progress when the drain ended.</summary>
    public static CheckResult Quiet(Evidence evidence) =>
        CheckResult.From("The system is quiet after the drain",
            evidence.Drain.Quiet ? [] : [$"still busy after {Durations.Text(evidence.Drain.Took)}: {evidence.Drain.Last}"],
            evidence.Drain.Quiet ? $"quiet after {Durations.Text(evidence.Drain.Took)}" : "not quiet");
}
