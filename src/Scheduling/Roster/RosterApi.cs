using Grpc.Core;
using Ksst.Contracts.Scheduling.V1;
using Ksst.Scheduling.Data;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling.Roster;

/// <summary>The Scheduling gRPC service's roster reads.</summary>
internal sealed class RosterApi(SchedulingDbContext db) : Api.Scheduling.SchedulingBase
{
    public override async Task<ListRosterResponse> ListRoster(ListRosterRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.BatchId))
        {
            throw RpcErrors.InvalidArgument("batch_id", "Required.");
        }
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
                }),
            },
        };
    }
}
