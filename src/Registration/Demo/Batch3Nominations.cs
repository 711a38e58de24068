using Ksst.Registration.Nominations;

namespace Ksst.Registration.Demo;

/// <summary>
/// Twenty synthetic participants of batch 3 from the ten countries the press release names, in
/// mixed states that respect the batch's rules (capacity 20, two seats per country: Indonesia's
/// third nominee waits on the waitlist). Names are invented; addresses use a reserved domain.
/// </summary>
public static class Batch3Nominations
{
    private static readonly (string Country, string Name, string Gender, string Organisation, NominationStatus Status, string Language)[] People =
    [
        ("ID", "Siti Rahayu", "female", "Dinas Perindustrian Kota Surabaya", NominationStatus.Confirmed, "id"),
        ("ID", "Agus Setiawan", "male", "Kementerian Perindustrian", NominationStatus.Confirmed, "id"),
        ("ID", "Dewi Lestari", "female", "Dinas Koperasi dan UKM Provinsi Jawa Tengah", NominationStatus.Waitlisted, "id"),
        ("AF", "Farid Ahmadzai", "male", "Ministry of Industry and Commerce", NominationStatus.Confirmed, "en"),
        ("AF", "Mariam Noori", "female", "Afghanistan Chamber of Commerce and Investment", NominationStatus.Confirmed, "en"),
        ("BD", "Tanvir Hossain", "male", "SME Foundation", NominationStatus.Confirmed, "en"),
        ("BD", "Nusrat Jahan", "female", "Bangladesh Small and Cottage Industries Corporation", NominationStatus.Accepted, "en"),
        ("BT", "Karma Wangchuk", "male", "Ministry of Economic Affairs", NominationStatus.Confirmed, "en"),
        ("BT", "Pema Choden", "female", "Department of Cottage and Small Industry", NominationStatus.Confirmed, "en"),
        ("IN", "Arjun Mehta", "male", "Ministry of Micro, Small and Medium Enterprises", NominationStatus.Confirmed, "en"),
        ("IN", "Kavya Iyer", "female", "National Small Industries Corporation", NominationStatus.Rejected, "en"),
        ("LA", "Somphone Vongsa", "male", "Ministry of Industry and Commerce", NominationStatus.Confirmed, "en"),
        ("LA", "Keo Phommachanh", "female", "SME Promotion and Development Office", NominationStatus.Confirmed, "en"),
        ("MM", "Aung Kyaw Min", "male", "Ministry of Industry", NominationStatus.Confirmed, "en"),
        ("MM", "Thiri Win", "female", "SME Development Centre", NominationStatus.Withdrawn, "en"),
        ("NP", "Sujata Shrestha", "female", "Ministry of Industry, Commerce and Supplies", NominationStatus.Confirmed, "en"),
        ("NP", "Bikash Gurung", "male", "Cottage and Small Industries Development Board", NominationStatus.Confirmed, "en"),
        ("PK", "Ayesha Siddiqui", "female", "Small and Medium Enterprises Development Authority", NominationStatus.Confirmed, "en"),
        ("PK", "Imran Qureshi", "male", "Ministry of Industries and Production", NominationStatus.Nominated, "en"),
        ("LK", "Nimali Perera", "female", "Ministry of Industry and Commerce", NominationStatus.Confirmed, "en"),
    ];

    /// <summary>The nominations, received a minute apart from six weeks before the batch.</summary>
    public static IEnumerable<Nomination> All()
    {
        var first = new DateTimeOffset(2018, 6, 4, 2, 0, 0, TimeSpan.Zero);
        return People.Select((p, i) =>
        {
            var at = first.AddMinutes(i);
            return new Nomination
            {
                Id = Guid.CreateVersion7(at),
                BatchId = KsstProgrammeHistory.Batch3,
                FullName = p.Name,
                Email = $"{p.Name.ToLowerInvariant().Replace(' ', '.')}@ksst-demo.example",
                Nationality = p.Country,
                Gender = p.Gender,
                Phone = $"+62 812 0000 {i:D4}",
                PassportNumber = $"{p.Country}{7000100 + i}",
                PassportExpiry = new DateOnly(2023, 1, 31).AddMonths(i),
                Organisation = p.Organisation,
                Position = i % 2 == 0 ? "Deputy Director" : "Industry Development Officer",
                PreferredLanguage = p.Language,
                ArrivalDate = new DateOnly(2018, 7, 17),
                DepartureDate = new DateOnly(2018, 7, 31),
                NominatingCountry = p.Country,
                AgencyContactName = "International Cooperation Desk",
                AgencyContactEmail = $"cooperation.{p.Country.ToLowerInvariant()}@ksst-demo.example",
                Status = p.Status,
                NominatedAt = at,
                StatusChangedAt = at.AddDays(10),
            };
        });
    }
}
