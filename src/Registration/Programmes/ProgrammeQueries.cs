using Ksst.Registration.Data;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Registration.Programmes;

/// <summary>Reading programmes.</summary>
internal sealed class ProgrammeQueries(RegistrationDbContext db)
{
    /// <summary>The programme <paramref name="id"/>; NOT_FOUND when there is none.</summary>
    public Task<Programme> GetAsync(string id, CancellationToken ct) => FindAsync(db.Programmes.AsNoTracking(), id, ct);

    /// <summary>Every programme, by id.</summary>
    public Task<List<Programme>> ListAsync(CancellationToken ct) => db.Programmes.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);

    /// <summary>The programme <paramref name="id"/> of <paramref name="programmes"/>; NOT_FOUND when there is none.</summary>
    internal static async Task<Programme> FindAsync(IQueryable<Programme> programmes, string id, CancellationToken ct) =>
        await programmes.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw RpcErrors.NotFound("programme", id);
}
