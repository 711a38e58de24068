using Ksst.Contracts.Notifications.V1;

namespace Ksst.FaultRun.Observations;

/// <summary>
/// Waits, bounded, until the system has nothing left to do: no outbox row waiting to be published,
/// no message waiting or being handled in any queue (error queues aside), no delivery waiting for
/// an attempt, and the delivery log and the rosters unchanged over a few polls.
/// </summary>
public sealed class Quiescence(FaultRunOptions options, ServiceViews views, BrokerQueues queues, string dataRoot)
{
    /// <summary>Polls until quiet or <see cref="FaultRunOptions.DrainTimeout"/>; returns how it ended.</summary>
    public async Task<DrainResult> WaitAsync(Func<string, IEnumerable<string>> nominationsOf, TextWriter log, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var deadline = started + options.DrainTimeout;
        Progress? previous = null;
        var unchanged = 0;
        while (true)
        {
            Progress progress;
            try
            {
                progress = await PollAsync(nominationsOf, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                progress = new Progress(-1, -1, -1, -1, -1, $"a poll failed: {ex.GetType().Name}: {ex.Message}");
            }
            unchanged = progress == previous && !progress.Busy ? unchanged + 1 : 0;
            if (progress != previous)
            {
                log.WriteLine($"{Durations.Now} drain: {progress}.");
            }
            previous = progress;
            if (unchanged + 1 >= options.QuietPolls)
            {
                log.WriteLine($"{Durations.Now} drain: quiet after {Durations.Text(DateTimeOffset.UtcNow - started)}: {progress}.");
                return new DrainResult(true, DateTimeOffset.UtcNow - started, progress.ToString());
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                log.WriteLine($"{Durations.Now} drain: still busy after {Durations.Text(options.DrainTimeout)}: {progress}.");
                return new DrainResult(false, DateTimeOffset.UtcNow - started, progress.ToString());
            }
            await Task.Delay(options.PollInterval, ct);
        }
    }

    private async Task<Progress> PollAsync(Func<string, IEnumerable<string>> nominationsOf, CancellationToken ct)
    {
        var outbox = (await OutboxRows.ReadAsync(dataRoot, ct)).Sum(o => o.Unpublished);
        var queued = (await queues.ListAsync(ct)).Where(q => !q.IsDeadEnd).Sum(q => q.Messages);
        var deliveries = await views.DeliveriesAsync(nominationsOf, ct);
        var roster = (await views.RosterAsync(ct)).Count;
        return new Progress(outbox, queued, deliveries.Count(d => !DeliveryStates.IsFinal(d)), deliveries.Count, roster, null);
    }

    /// <summary>One poll: what is still to do, and counts that must stop changing.</summary>
    private sealed record Progress(long OutboxUnpublished, long Queued, int DeliveriesInProgress, int Deliveries, int RosterEntries, string? Problem)
    {
        public bool Busy => Problem is not null || OutboxUnpublished > 0 || Queued > 0 || DeliveriesInProgress > 0;

        public override string ToString() => Problem ??
            $"{OutboxUnpublished} outbox rows unpublished, {Queued} messages queued, {DeliveriesInProgress} of {Deliveries} deliveries in progress, {RosterEntries} roster entries";
    }
}

/// <summary>How the drain ended.</summary>
/// <param name="Quiet">Whether the system became quiet in time.</param>
/// <param name="Took">How long it took.</param>
/// <param name="Last">The last poll, in words.</param>
public sealed record DrainResult(bool Quiet, TimeSpan Took, string Last);

/// <summary>Delivery states by name, so a state added to the contract later (Uncertain) is read by what it says.</summary>
public static class DeliveryStates
{
    /// <summary>Accepted by the mail server.</summary>
    public const string Sent = "Sent";

    /// <summary>Handed to the mail server, but whether it was accepted is not known (a crash between send and record).</summary>
    public const string Uncertain = "Uncertain";

    /// <summary>Given up on.</summary>
    public const string Dead = "Dead";

    /// <summary>The state's name, e.g. "Sent".</summary>
    public static string Of(Delivery delivery) => delivery.Status.ToString();

    /// <summary>True when nothing more will happen to the delivery unless an operator acts.</summary>
    public static bool IsFinal(Delivery delivery) => Of(delivery) is Sent or Uncertain or Dead;
}
