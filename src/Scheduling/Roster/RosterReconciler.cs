using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Agenda;
using Ksst.Scheduling.Data;
using Microsoft.EntityFrameworkCore;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.Scheduling.Roster;

/// <summary>
/// Brings a batch's roster in line with Registration, read over gRPC: what an event that never
/// arrived would have told. The same rules as for events apply, so a reconciliation and a late
/// event never undo each other. Registration is read first, outside the write lock.
/// </summary>
internal sealed class RosterReconciler(
    SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork, NominationsClient registration, TimetableViews views)
{
    private const int PageSize = 200;

    /// <summary>Reads the batch's nominations from Registration, then records them in one unit of work.</summary>
    public async Task<ReconcileRosterResponse> ReconcileAsync(string batchId, CancellationToken ct)
    {
        var nominations = await ReadAllAsync(batchId, ct);
        return await unitOfWork.RunAsync(async after =>
        {
            var result = new ReconcileRosterResponse();
            var known = await db.Roster.Where(r => r.BatchId == batchId).Select(r => r.NominationId).ToHashSetAsync(ct);
            var book = new RosterBook(db);
            foreach (var n in nominations)
            {
                var id = Guid.Parse(n.NominationId);
                var news = new RosterNews(id, batchId, n.NominatingCountry, StatusOf(n.Status),
                    n.StatusChangedAt.ToDateTimeOffset(), n.NominatedAt.ToDateTimeOffset(), n.Version);
                if (await book.RecordAsync(news, ct))
                {
                    _ = known.Contains(id) ? result.Updated++ : result.Added++;
                }
            }
            result.Total = known.Count + result.Added;
            if (result.Added + result.Updated > 0)
            {
                after.Then(() => views.InvalidateAsync(batchId, CancellationToken.None));
            }
            return result;
        }, ct);
    }

    private async Task<List<Nomination>> ReadAllAsync(string batchId, CancellationToken ct)
    {
        var all = new List<Nomination>();
        var token = "";
        do
        {
            var page = await registration.ListNominationsAsync(
                new ListNominationsRequest { BatchId = batchId, PageSize = PageSize, PageToken = token }, cancellationToken: ct);
            all.AddRange(page.Nominations);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }

    private static string StatusOf(NominationStatus status) => status switch
    {
        NominationStatus.Waitlisted => RosterStatus.Waitlisted,
        NominationStatus.Accepted => RosterStatus.Accepted,
        NominationStatus.Confirmed => RosterStatus.Confirmed,
        NominationStatus.Attended => RosterStatus.Attended,
        NominationStatus.Rejected => RosterStatus.Rejected,
        NominationStatus.Withdrawn => RosterStatus.Withdrawn,
        _ => RosterStatus.Nominated,
    };
}
