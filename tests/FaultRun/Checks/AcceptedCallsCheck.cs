using Ksst.FaultRun.Load;

namespace Ksst.FaultRun.Checks;

/// <summary>
/// Every call answered OK is a nomination Registration holds: the same id, batch, participant and
/// status as the answer said. (Nominations stored whose answer was lost to a fault are counted, not
/// judged: the caller could not know, and a retry with the same request id finds them.)
/// </summary>
public static class AcceptedCallsCheck
{
    /// <summary>The verdict on <paramref name="evidence"/>.</summary>
    public static CheckResult Judge(Evidence evidence)
    {
        var stored = evidence.Nominations.ToDictionary(n => n.NominationId, StringComparer.OrdinalIgnoreCase);
        var accepted = evidence.Load.Accepted.ToList();
        var breaches = new List<string>();
        foreach (var call in accepted)
        {
            if (!stored.TryGetValue(call.NominationId!, out var nomination))
            {
                breaches.Add($"nomination {call.Number}: answered OK as {call.NominationId}, which Registration does not hold");
            }
            else if (nomination.BatchId != call.BatchId || !string.Equals(nomination.Participant.Email, call.Email, StringComparison.OrdinalIgnoreCase))
            {
                breaches.Add($"nomination {call.Number}: {call.NominationId} is held for another batch or participant");
            }
            else if (nomination.Status != call.Status)
            {
                breaches.Add($"nomination {call.Number}: answered {call.Status}, held as {nomination.Status}");
            }
        }
        var answered = accepted.Select(a => a.NominationId!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unanswered = evidence.Nominations.Count(n => !answered.Contains(n.NominationId));
        return CheckResult.From("Every accepted call is a nomination in Registration", breaches,
            $"{accepted.Count:N0} calls answered OK, {accepted.Count - breaches.Count:N0} of them held as answered; " +
            $"Registration holds {evidence.Nominations.Count:N0} nominations ({unanswered:N0} stored although the call's answer was lost)");
    }
}
