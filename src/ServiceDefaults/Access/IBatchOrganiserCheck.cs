namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// Whether a caller organises a batch's programme: Registration answers from its own database,
/// the other services ask Registration (<see cref="BatchOrganisers"/>). Used where a per-batch
/// right is checked outside the feature that owns the batch (the audit log).
/// </summary>
public interface IBatchOrganiserCheck
{
    /// <summary>Refuses <paramref name="caller"/> (PERMISSION_DENIED, NOT_ORGANISER) unless they organise the programme of <paramref name="batchId"/>; NOT_FOUND when there is no such batch.</summary>
    Task CheckAsync(Caller caller, string batchId, CancellationToken ct);
}
