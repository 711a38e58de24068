using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.Scheduling.Access;

/// <summary>
/// Who may read a participant's itinerary: the batch's organisers, and the participant whose
/// nomination it is. Whether a nomination is the caller's is Registration's rule: it is asked
/// with the caller's own token, so it answers exactly as it would answer the participant
/// (another's nomination is NOT_FOUND, and so is the itinerary here).
/// </summary>
internal sealed class ItineraryAccess(BatchOrganisers organisers, NominationsClient registration)
{
    public async Task CheckAsync(ServerCallContext context, string batchId, Guid nominationId)
    {
        var caller = context.Caller();
        if (caller.Role == Role.Organiser)
        {
            await organisers.CheckAsync(caller, batchId, context.CancellationToken);
            return;
        }
        var onBehalf = new Metadata { { "authorization", context.GetHttpContext().Request.Headers.Authorization.ToString() } };
        try
        {
            var nomination = await registration.GetNominationAsync(
                new GetNominationRequest { NominationId = nominationId.ToString() }, onBehalf, cancellationToken: context.CancellationToken);
            if (nomination.BatchId == batchId)
            {
                return;
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            // Not theirs, or no such nomination: the same answer.
        }
        throw RpcErrors.NotFound("roster entry", $"batches/{batchId}/roster/{nominationId}");
    }
}
