using Ksst.Outbox;
using Ksst.Registration.Data;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Registration.Batches;

/// <summary>
/// The batches of the KSST programme on the development of small and medium industry, from the
/// July 2018 press release: Bali 2016, Yogyakarta 2017, Jakarta and Bandung 2018.
/// </summary>
internal sealed class ProgrammeHistorySeeder : IDatabaseSeeder<RegistrationDbContext>
{
    /// <summary>The batch the demo nominations go to.</summary>
    public const string Batch3 = "ksst-sme-2018";

    public static readonly Batch[] Batches =
    [
        new() { Id = "ksst-sme-2016", Number = 1, Theme = "Enhancing the Development of Small and Medium Industry", HostCities = "Bali", StartDate = new(2016, 10, 24), EndDate = new(2016, 10, 28), Capacity = 20 },
        new() { Id = "ksst-sme-2017", Number = 2, Theme = "Enhancing the Development of Small and Medium Industry", HostCities = "Yogyakarta", StartDate = new(2017, 7, 30), EndDate = new(2017, 8, 9), Capacity = 22 },
        new() { Id = Batch3, Number = 3, Theme = "Small and Medium Industry Acceleration Through Research and Development", HostCities = "Jakarta, Bandung", StartDate = new(2018, 7, 18), EndDate = new(2018, 7, 30), Capacity = 20 },
    ];

    public async Task SeedAsync(RegistrationDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Batches.Select(b => b.Id).ToListAsync(cancellationToken);
        db.Batches.AddRange(Batches.Where(b => !existing.Contains(b.Id)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
