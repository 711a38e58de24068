using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Scheduling.V1;
using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Agenda;
using Ksst.Scheduling.Data;
using Ksst.Scheduling.Roster;
using Ksst.Scheduling.Sessions;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling;

/// <summary>The Scheduling gRPC service; this part: the roster.</summary>
internal sealed partial class SchedulingApi(
    SchedulingDbContext db, SqliteWriteGate gate, TimeProvider clock, TimetableChecks checks, TimetableViews views, RosterReconciler reconciler)
    : Api.Scheduling.SchedulingBase
{
    public override async Task<ListRosterResponse> ListRoster(ListRosterRequest request, ServerCallContext context)
    {
        RequireBatchId(request.BatchId);
        var entries = await db.Roster.AsNoTracking()
            .Where(r => r.BatchId == request.BatchId)
            .OrderBy(r => r.NominatedAt)
            .ToListAsync(context.CancellationToken);
        return new ListRosterResponse
        {
            Entries =
            {
                entries.Select(r => new Api.RosterEntry
                {
                    NominationId = r.NominationId.ToString(),
                    BatchId = r.BatchId,
                    Country = r.Country,
                    Status = r.Status,
                    Group = r.Group ?? "",
                    StatusChangedAt = Timestamp.FromDateTimeOffset(r.StatusChangedAt),
                }),
            },
        };
    }

    public override async Task<ReconcileRosterResponse> ReconcileRoster(ReconcileRosterRequest request, ServerCallContext context)
    {
        RequireBatchId(request.BatchId);
        return await reconciler.ReconcileAsync(request.BatchId, context.CancellationToken);
    }

    private static void RequireBatchId(string batchId)
    {
        if (string.IsNullOrWhiteSpace(batchId))
        {
            throw RpcErrors.InvalidArgument("batch_id", "Required.");
        }
    }
}
