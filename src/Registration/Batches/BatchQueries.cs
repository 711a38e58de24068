using Ksst.Registration.Data;
using Ksst.Registration.Nominations;
using Ksst.Registration.Programmes;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Registration.Batches;

/// <summary>Reading batches with the seats their nominations hold.</summary>
internal sealed class BatchQueries(RegistrationDbContext db)
{
    /// <summary>The batch <paramref name="id"/> and its seats taken; NOT_FOUND when there is none.</summary>
    public async Task<(Batch Batch, int SeatsTaken)> GetAsync(string id, CancellationToken ct)
    {
        var batch = await FindAsync(db.Batches.AsNoTracking(), id, ct);
        return (batch, (await SeatsByCountryAsync(db, batch.Id, ct)).Values.Sum());
    }

    /// <summary>The batches of a programme by number, each with its seats taken; NOT_FOUND for an unknown programme.</summary>
    public async Task<IReadOnlyList<(Batch Batch, int SeatsTaken)>> ListAsync(string programmeId, CancellationToken ct)
    {
        await ProgrammeQueries.FindAsync(db.Programmes.AsNoTracking(), programmeId, ct);
        var batches = await db.Batches.AsNoTracking().Where(b => b.ProgrammeId == programmeId).OrderBy(b => b.Number).ToListAsync(ct);
        var ids = batches.Select(b => b.Id).ToList();
        // Only this programme's batches are counted (the index on batch and status), not every nomination of every programme.
        var seats = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.BatchId)).HoldingSeats()
            .GroupBy(n => n.BatchId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. batches.Select(b => (b, seats.GetValueOrDefault(b.Id)))];
    }

    /// <summary>Seats held in <paramref name="batchId"/>, by nominating country.</summary>
    internal static async Task<Dictionary<string, int>> SeatsByCountryAsync(RegistrationDbContext db, string batchId, CancellationToken ct) =>
        await db.Nominations.AsNoTracking().HoldingSeats()
            .Where(n => n.BatchId == batchId)
            .GroupBy(n => n.NominatingCountry).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>The batch <paramref name="id"/> of <paramref name="batches"/>; NOT_FOUND when there is none.</summary>
    internal static async Task<Batch> FindAsync(IQueryable<Batch> batches, string id, CancellationToken ct) =>
        await batches.SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw RpcErrors.NotFound("batch", id);
}
