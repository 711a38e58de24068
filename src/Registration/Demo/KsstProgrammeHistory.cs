using Ksst.Registration.Batches;
using Ksst.Registration.Programmes;

namespace Ksst.Registration.Demo;

/// <summary>
/// The KSST programme on small and medium industry and its three batches, from the Ministry of
/// Industry's July 2018 press release: Bali 2016 (19 participants), Yogyakarta 2017 (22),
/// Jakarta and Bandung 2018 (20).
/// </summary>
public static class KsstProgrammeHistory
{
    /// <summary>The programme's identifier.</summary>
    public const string ProgrammeId = "ksst-sme";

    /// <summary>Batch 3, Jakarta and Bandung, 18–30 July 2018.</summary>
    public const string Batch3 = "ksst-sme-2018";

    /// <summary>The programme.</summary>
    public static Programme Programme() => new()
    {
        Id = ProgrammeId,
        Name = "Capacity Building Program on Enhancing the Development of Small and Medium Industry",
        Framework = "KSST — Kerja Sama Selatan-Selatan dan Triangular (South-South and Triangular Cooperation)",
        Organisers = ["Ministry of Industry (Kemenperin), Directorate General of Small and Medium Industry", "Ministry of State Secretariat (Kemensetneg)", "Colombo Plan Secretariat"],
        Pillar = "Programme for Private Sector Development (PPSD)",
        Description = "A commitment made at the 45th Colombo Plan Consultative Committee Meeting (Fiji, 28–30 September 2016) to develop small and medium industry (IKM) in member countries.",
    };

    /// <summary>Its three batches.</summary>
    public static Batch[] Batches() =>
    [
        Batch("ksst-sme-2016", 1, ["Bali"], new(2016, 10, 24), new(2016, 10, 28), BatchStatus.Completed, 19, "Enhancing the Development of Small and Medium Industry"),
        Batch("ksst-sme-2017", 2, ["Yogyakarta"], new(2017, 7, 30), new(2017, 8, 9), BatchStatus.Completed, 22, "Enhancing the Development of Small and Medium Industry"),
        Batch(Batch3, 3, ["Jakarta", "Bandung"], new(2018, 7, 18), new(2018, 7, 30), BatchStatus.Closed, 20, "Small and Medium Industry Acceleration Through Research and Development"),
    ];

    private static Batch Batch(string id, int number, List<string> cities, DateOnly start, DateOnly end, BatchStatus status, int participants, string theme) => new()
    {
        Id = id,
        ProgrammeId = ProgrammeId,
        Number = number,
        Theme = theme,
        HostCities = cities,
        StartDate = start,
        EndDate = end,
        TimeZone = cities.Contains("Bali") ? "Asia/Makassar" : "Asia/Jakarta", // Bali keeps WITA (UTC+8)
        Capacity = Math.Max(20, participants),
        CountryQuota = participants > 20 ? 3 : 2,
        NominationDeadline = new DateTimeOffset(start.AddDays(-21).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)),
        Status = status,
        RecordedParticipants = participants,
    };
}
