using Ksst.Registration.Batches;
using Ksst.Registration.Data;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Registration.Nominations;

/// <summary>
/// Reading nominations: one, a page of a batch's, and a batch's counts, each only as far as the
/// caller may see them (<see cref="NominationAccess"/>).
/// </summary>
internal sealed class NominationQueries(RegistrationDbContext db)
{
    /// <summary>The nomination <paramref name="id"/>; NOT_FOUND when there is none or <paramref name="caller"/> may not see it.</summary>
    public async Task<Nomination> GetAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var found = await db.Nominations.AsNoTracking()
            .Where(n => n.Id == id)
            .Select(n => new { Nomination = n, Programme = db.Batches.Where(b => b.Id == n.BatchId).Select(b => b.ProgrammeId).Single() })
            .SingleOrDefaultAsync(ct);
        return found is not null && NominationAccess.Sees(caller, found.Nomination, found.Programme)
            ? found.Nomination
            : throw RpcErrors.NotFound("nomination", id.ToString());
    }

    /// <summary>
    /// Refuses a nomination to <paramref name="batchId"/> that <paramref name="caller"/> may not
    /// make; a batch that does not exist is left for the intake to report.
    /// </summary>
    public async Task CheckMayNominateAsync(Caller caller, string batchId, string nominatingCountry, CancellationToken ct)
    {
        if (await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, ct) is { } batch)
        {
            NominationAccess.CheckMayNominate(caller, batch, nominatingCountry);
        }
    }

    /// <summary>
    /// Up to <paramref name="size"/> + 1 nominations of a batch from <paramref name="offset"/> in order of
    /// arrival (the extra one says another page follows), optionally of one status and country.
    /// </summary>
    public async Task<List<Nomination>> PageAsync(string batchId, NominationStatus? status, string? country, int offset, int size, Caller caller, CancellationToken ct)
    {
        var batch = await BatchQueries.FindAsync(db.Batches.AsNoTracking(), batchId, ct);
        NominationAccess.CheckMayList(caller, batch.ProgrammeId);
        var query = NominationAccess.Visible(db.Nominations.AsNoTracking(), caller).Where(n => n.BatchId == batchId);
        if (status is { } wanted)
        {
            query = query.Where(n => n.Status == wanted);
        }
        if (!string.IsNullOrEmpty(country))
        {
            query = query.Where(n => n.NominatingCountry == country);
        }
        return await query.OrderBy(n => n.NominatedAt).ThenBy(n => n.Id).Skip(offset).Take(size + 1).ToListAsync(ct);
    }

    /// <summary>A batch and how many of its nominations each country has in each status.</summary>
    public async Task<(Batch Batch, IReadOnlyList<(string Country, NominationStatus Status, int Count)> Counts)> CountAsync(string batchId, Caller caller, CancellationToken ct)
    {
        var batch = await BatchQueries.FindAsync(db.Batches.AsNoTracking(), batchId, ct);
        NominationAccess.CheckMayList(caller, batch.ProgrammeId);
        var rows = await NominationAccess.Visible(db.Nominations.AsNoTracking(), caller)
            .Where(n => n.BatchId == batchId)
            .GroupBy(n => new { n.NominatingCountry, n.Status })
            .Select(g => new { g.Key.NominatingCountry, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return (batch, [.. rows.OrderBy(r => r.NominatingCountry).ThenBy(r => r.Status).Select(r => (r.NominatingCountry, r.Status, r.Count))]);
    }
}
