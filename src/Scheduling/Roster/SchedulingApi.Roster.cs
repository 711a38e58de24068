using Ksst.ServiceDefaults.Access;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Scheduling.V1;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling;

/// <summary>The Scheduling gRPC service; this part: the roster.</summary>
internal sealed partial class SchedulingApi
{
    public override async Task<ListRosterResponse> ListRoster(ListRosterRequest request, ServerCallContext context)
    {
        RequireBatchId(request.BatchId);
        await OrganisesAsync(request.BatchId, context);
        return new ListRosterResponse
        {
            Entries =
            {
                (await roster.EntriesAsync(request.BatchId, context.CancellationToken)).Select(r => new Api.RosterEntry
                {
                    NominationId = r.NominationId.ToString(),
                    BatchId = r.BatchId,
                    Country = r.Country,
                    Status = r.Status,
                    Group = r.Group ?? "",
                    StatusChangedAt = Timestamp.FromDateTimeOffset(r.StatusChangedAt),
                    Version = r.Version,
                }),
            },
        };
    }

    public override async Task<ReconcileRosterResponse> ReconcileRoster(ReconcileRosterRequest request, ServerCallContext context)
    {
        RequireBatchId(request.BatchId);
        if (context.Caller().Role == Role.Organiser)
        {
            await OrganisesAsync(request.BatchId, context);
        }
        return await reconciler.ReconcileAsync(request.BatchId, context.CancellationToken);
    }
}
