namespace Ksst.FaultRun.Checks;

/// <summary>No message is left in an error queue (nor in a skipped queue, where messages no consumer took end up).</summary>
public static class BrokerCheck
{
    /// <summary>The verdict on <paramref name="evidence"/>.</summary>
    public static CheckResult Judge(Evidence evidence)
    {
        var deadEnds = evidence.Queues.Where(q => q.IsDeadEnd).ToList();
        var left = deadEnds.Where(q => q.Messages > 0).Select(q => $"{q.Name}: {q.Messages} messages").ToList();
        var waiting = evidence.Queues.Where(q => !q.IsDeadEnd && q.Messages > 0).Sum(q => q.Messages);
        return CheckResult.From("No message is left in an error queue", left,
            $"{evidence.Queues.Count} queues, {deadEnds.Count} of them error or skipped queues; {deadEnds.Sum(q => q.Messages):N0} messages in those, {waiting:N0} still waiting in the others");
    }
}
