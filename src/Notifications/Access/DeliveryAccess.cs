using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;

namespace Ksst.Notifications.Access;

/// <summary>
/// What of the delivery log, the reminders and the webhooks a caller may reach, once their role
/// admitted them to the RPC: operators and organisers of every programme everything; another
/// organiser one batch of theirs at a time (and the webhook subscriptions to one batch of
/// theirs); a participant the deliveries to their own address.
/// </summary>
internal sealed class DeliveryAccess(BatchOrganisers organisers)
{
    /// <summary>
    /// The batch a listing is limited to for <paramref name="caller"/> (as asked), refusing an
    /// organiser who names no batch or one of another programme.
    /// </summary>
    public async Task CheckBatchAsync(Caller caller, string? batchId, CancellationToken ct)
    {
        if (caller.Role != Role.Organiser || caller.OrganisesEveryProgramme)
        {
            return;
        }
        if (batchId is null)
        {
            throw RpcErrors.PermissionDenied("NAME_A_BATCH", "An organiser of some programmes lists one batch at a time: set batch_id.");
        }
        await organisers.CheckAsync(caller, batchId, ct);
    }

    /// <summary>The address a participant's listing is limited to; null for everyone else.</summary>
    public static string? OwnAddress(Caller caller) => caller.Role == Role.Participant ? caller.Email ?? "" : null;

    /// <summary>
    /// Refuses <paramref name="caller"/> a webhook subscription to the events of
    /// <paramref name="batchId"/> (null: every batch's): operators and organisers of every
    /// programme reach every subscription (what the RPC admits them to); another organiser only
    /// the subscriptions to one batch of theirs.
    /// </summary>
    public async Task CheckWebhooksAsync(Caller caller, string? batchId, CancellationToken ct)
    {
        if (caller.Role != Role.Organiser || caller.OrganisesEveryProgramme)
        {
            return;
        }
        if (batchId is null)
        {
            caller.CheckOrganisesEveryProgramme(
                "A subscription to every batch's events is for an organiser of every programme; an organiser of some programmes subscribes to one batch of theirs (set batch_id).");
        }
        await organisers.CheckAsync(caller, batchId!, ct);
    }
}
