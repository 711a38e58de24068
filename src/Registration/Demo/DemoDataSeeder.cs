using Ksst.Platform.Sqlite;
using Ksst.Registration.Data;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Registration.Demo;

/// <summary>Loads the KSST programme's history and batch 3's nominations on first start.</summary>
internal sealed class DemoDataSeeder : IDatabaseSeeder<RegistrationDbContext>
{
    public async Task SeedAsync(RegistrationDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Programmes.AnyAsync(p => p.Id == KsstProgrammeHistory.ProgrammeId, cancellationToken))
        {
            return;
        }
        db.Programmes.Add(KsstProgrammeHistory.Programme());
        db.Batches.AddRange(KsstProgrammeHistory.Batches());
        db.Nominations.AddRange(Batch3Nominations.All());
    }
}
