namespace Ksst.Registration.Batches;

/// <summary>The moves a batch may make: Draft → Open → Closed → Running → Completed, and Closed → Open.</summary>
public static class BatchLifecycle
{
    private static readonly Dictionary<BatchStatus, BatchStatus[]> Moves = new()
    {
        [BatchStatus.Draft] = [BatchStatus.Open],
        [BatchStatus.Open] = [BatchStatus.Closed],
        [BatchStatus.Closed] = [BatchStatus.Open, BatchStatus.Running],
        [BatchStatus.Running] = [BatchStatus.Completed],
        [BatchStatus.Completed] = [],
    };

    /// <summary>True when a batch in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool CanMove(BatchStatus from, BatchStatus to) => Moves[from].Contains(to);

    /// <summary>True while the batch's plan (dates, capacity, quotas) may still change.</summary>
    public static bool IsPlanEditable(BatchStatus status) => status is BatchStatus.Draft or BatchStatus.Open;
}
