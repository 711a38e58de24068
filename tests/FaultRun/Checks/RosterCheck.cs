namespace Ksst.FaultRun.Checks;

/// <summary>Every nomination Registration holds is on Scheduling's roster with its final status, and the roster holds nothing else.</summary>
public static class RosterCheck
{
    /// <summary>The verdict on <paramref name="evidence"/>.</summary>
    public static CheckResult Judge(Evidence evidence)
    {
        var roster = evidence.Roster.GroupBy(e => e.NominationId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var breaches = new List<string>();
        foreach (var nomination in evidence.Nominations)
        {
            var status = nomination.Status.ToString();
            switch (roster.GetValueOrDefault(nomination.NominationId))
            {
                case null:
                    breaches.Add($"{nomination.NominationId} ({status}) is not on the roster of {nomination.BatchId}");
                    break;
                case { Count: > 1 } entries:
                    breaches.Add($"{nomination.NominationId} is on the roster {entries.Count} times");
                    break;
                case [var entry] when entry.Status != status || entry.BatchId != nomination.BatchId:
                    breaches.Add($"{nomination.NominationId} is {status} in {nomination.BatchId}, the roster says {entry.Status} in {entry.BatchId}");
                    break;
            }
        }
        var known = evidence.Nominations.Select(n => n.NominationId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        breaches.AddRange(evidence.Roster.Where(e => !known.Contains(e.NominationId)).Select(e => $"the roster holds {e.NominationId}, which Registration does not"));
        return CheckResult.From("Every nomination is on Scheduling's roster with its final status", breaches,
            $"{evidence.Nominations.Count:N0} nominations, {evidence.Roster.Count:N0} roster entries, {breaches.Count:N0} out of line");
    }
}
