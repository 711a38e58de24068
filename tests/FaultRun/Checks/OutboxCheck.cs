namespace Ksst.FaultRun.Checks;

/// <summary>No outbox row is stuck: after the drain, every service's outbox has published everything (none waiting, none given up on).</summary>
public static class OutboxCheck
{
    /// <summary>The verdict on <paramref name="evidence"/>.</summary>
    public static CheckResult Judge(Evidence evidence) =>
        CheckResult.From("No outbox row is stuck",
            evidence.Outboxes.Where(o => o.Unpublished > 0).Select(o => $"{o.Service}: {o.Unpublished:N0} rows unpublished (e.g. {o.AnUnpublishedType})").ToList(),
            string.Join(", ", evidence.Outboxes.Select(o => $"{o.Service} {o.Rows:N0} rows, {o.Unpublished:N0} unpublished")));
}
