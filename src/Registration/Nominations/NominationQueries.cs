using Ksst.Registration.Batches;
using Ksst.Registration.Data;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Registration.Nominations;

/// <summary>Reading nominations: one, a page of a batch's, and a batch's counts.</summary>
internal sealed class NominationQueries(RegistrationDbContext db)
{
    /// <summary>The nomination <paramref name="id"/>; NOT_FOUND when there is none.</summary>
    public async Task<Nomination> GetAsync(Guid id, CancellationToken ct) =>
        await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct)
            ?? throw RpcErrors.NotFound("nomination", id.ToString());

    /// <summary>
    /// Up to <paramref name="size"/> + 1 nominations of a batch from <paramref name="offset"/> in order of
    /// arrival (the extra one says another page follows), optionally of one status and country.
    /// </summary>
    public async Task<List<Nomination>> PageAsync(string batchId, NominationStatus? status, string? country, int offset, int size, CancellationToken ct)
    {
        await BatchQueries.FindAsync(db.Batches.AsNoTracking(), batchId, ct);
        var query = db.Nominations.AsNoTracking().Where(n => n.BatchId == batchId);
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
    public async Task<(Batch Batch, IReadOnlyList<(string Country, NominationStatus Status, int Count)> Counts)> CountAsync(string batchId, CancellationToken ct)
    {
        var batch = await BatchQueries.FindAsync(db.Batches.AsNoTracking(), batchId, ct);
        var rows = await db.Nominations.AsNoTracking()
            .Where(n => n.BatchId == batchId)
            .GroupBy(n => new { n.NominatingCountry, n.Status })
            .Select(g => new { g.Key.NominatingCountry, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return (batch, [.. rows.OrderBy(r => r.NominatingCountry).ThenBy(r => r.Status).Select(r => (r.NominatingCountry, r.Status, r.Count))]);
    }
}
