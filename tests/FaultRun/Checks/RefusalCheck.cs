using Ksst.FaultRun.Load;

namespace Ksst.FaultRun.Checks;

/// <summary>
/// No valid nomination is refused: every nomination of the run is valid and new, so a caller's-mistake
/// answer (for instance ALREADY_EXISTS for a retry whose first call was stored) means a fault broke
/// the service's promises, here idempotency by request id.
/// </summary>
public static class RefusalCheck
{
    /// <summary>The verdict on <paramref name="evidence"/>.</summary>
    public static CheckResult Judge(Evidence evidence)
    {
        var refused = evidence.Load.Outcomes.Where(o => o.Kind == OutcomeKind.Refused).ToList();
        var gaveUp = evidence.Load.Outcomes.Count(o => o.Kind == OutcomeKind.GaveUp);
        return CheckResult.From("No valid nomination is refused (retries with the same request id included)",
            refused.Select(r => $"nomination {r.Number}: {r.Error} (call {r.Attempts})").ToList(),
            $"{refused.Count:N0} refused; {gaveUp:N0} got no answer in {evidence.Load.Outcomes.Max(o => o.Attempts)} calls while a service was away");
    }
}
