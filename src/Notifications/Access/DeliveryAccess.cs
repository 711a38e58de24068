using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;

namespace Ksst.Notifications.Access;

/// <summary>
/// What of the delivery log, the reminders and the webhooks a caller may reach, once their role
/// admitted them to the RPC: operators and organisers of every programme everything; another
/// organiser one batch of theirs at a time; a participant the deliveries to their own address.
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

    /// <summary>Refuses anyone but operators and organisers of every programme: webhooks receive every batch's events.</summary>
    public static void CheckWebhooks(Caller caller)
    {
        if (caller.Role == Role.Organiser)
        {
            caller.CheckOrganisesEveryProgramme("Webhook subscriptions receive every batch's events: only an organiser of every programme manages them.");
        }
    }
}
