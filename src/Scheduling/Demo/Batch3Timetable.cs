using Ksst.Scheduling.Sessions;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling.Demo;

/// <summary>
/// Batch 3's two weeks, 18–30 July 2018 (WIB, UTC+7): classes in Jakarta with the four speaking
/// institutions; the coach to Bandung; the two cultural visits; the five research centres in a
/// rotation of four groups; the small-industry visits in Bandung and Cimahi; PT Dirgantara
/// Indonesia and Bandung Techno Park; the coach back and the closing in Jakarta. It passes every
/// check of the timetable.
/// </summary>
internal static class Batch3Timetable
{
    public const string BatchId = "ksst-sme-2018";

    /// <summary>The groups the rotation uses.</summary>
    public static IReadOnlyList<string> Groups { get; } = ["A", "B", "C", "D"];

    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>The five centres: venue, host, kind, title, description and how many the session takes.</summary>
    private static readonly (string Venue, string Host, Api.SessionKind Kind, string Title, string Description, int Capacity)[] Centres =
    [
        ("bbt-bandung", "bbt-instructors", Api.SessionKind.Workshop, "Jumputan tie-dye workshop", "Hands-on: making jumputan (tie-dye) cloth.", 6),
        ("bblm-bandung", "bblm-instructors", Api.SessionKind.Workshop, "Trying the centre's CNC machine", "Hands-on with the CNC machine built by the centre.", 6),
        ("bbpk-bandung", "bbpk-researchers", Api.SessionKind.SiteVisit, "Recycling aseptic packaging", "Visit: how aseptic packaging is recycled into paper products.", 10),
        ("b4t-bandung", "b4t-researchers", Api.SessionKind.SiteVisit, "Lithium-ion batteries and IoT-based services", "Lithium-ion battery development; IoT-based service processes.", 10),
        ("bbk-bandung", "bbk-instructors", Api.SessionKind.Workshop, "Ceramic decorations mini workshop", "Hands-on: making ceramic decorations.", 6),
    ];

    /// <summary>The rotation's half-day slots: Monday 23 to Wednesday 25 July, morning and afternoon.</summary>
    private static readonly (int Day, string From, string To)[] RotationSlots =
    [
        (23, "08:30", "11:30"), (23, "13:00", "16:00"), (24, "08:30", "11:30"), (24, "13:00", "16:00"), (25, "08:30", "11:30"),
    ];

    public static IReadOnlyList<Session> Sessions()
    {
        var sessions = new List<Session>
        {
            New(18, "08:30", "09:30", Api.SessionKind.Ceremony, "Opening of the programme", "Welcome by the organisers.", "kemenperin-jakarta", "ditjen-ikm", ["kemensetneg-ksst", "colombo-plan"]),
            New(18, "09:45", "12:00", Api.SessionKind.Class, "Indonesia's policy for small and medium industry", "", "kemenperin-jakarta", "ditjen-ikm", ["ditjen-ikm"]),
            New(18, "13:00", "15:30", Api.SessionKind.Class, "South-South and Triangular Cooperation", "Indonesia's role in KSST and the Colombo Plan.", "kemenperin-jakarta", "ditjen-ikm", ["kemensetneg-ksst"]),
            New(19, "09:00", "12:00", Api.SessionKind.Class, "Industry and trade in West Java", "", "kemenperin-jakarta", "ditjen-ikm", ["disperindag-jabar"]),
            New(19, "13:00", "16:00", Api.SessionKind.Class, "Taking SME products to export markets", "", "kemenperin-jakarta", "ditjen-ikm", ["lpei"]),
            New(20, "08:30", "11:30", Api.SessionKind.Class, "Research and development for SME acceleration", "The batch's theme, and the centres to be visited in Bandung.", "kemenperin-jakarta", "ditjen-ikm", ["ditjen-ikm"]),
            New(20, "12:30", "16:00", Api.SessionKind.Travel, "Coach to Bandung", "About 150 km by the Cipularang toll road.", "coach-to-bandung", null, [], fromCity: "Jakarta"),
            New(21, "09:00", "11:30", Api.SessionKind.CulturalVisit, "Museum Konferensi Asia Afrika", "The Asian-African Conference of 1955.", "museum-kaa", null, []),
            New(21, "15:00", "17:30", Api.SessionKind.CulturalVisit, "Saung Angklung Udjo", "Angklung performance and a try at playing.", "saung-angklung-udjo", null, []),
            New(25, "13:00", "14:30", Api.SessionKind.SiteVisit, "Batik Komar", "A batik maker.", "batik-komar", null, []),
            New(25, "15:00", "16:30", Api.SessionKind.SiteVisit, "Matoa Indonesia", "Wooden watches.", "matoa-indonesia", null, []),
            New(26, "08:30", "10:00", Api.SessionKind.SiteVisit, "Bandrek Hanjuang", "A traditional ginger drink maker.", "bandrek-hanjuang", null, []),
            New(26, "10:30", "12:00", Api.SessionKind.SiteVisit, "Elina Keramik", "A ceramics maker.", "elina-keramik", null, []),
            New(26, "13:30", "16:00", Api.SessionKind.SiteVisit, "PT Dirgantara Indonesia", "Indonesia's aircraft maker.", "pt-dirgantara-indonesia", null, []),
            New(27, "09:00", "12:00", Api.SessionKind.SiteVisit, "Bandung Techno Park", "A start-up incubator.", "bandung-techno-park", null, []),
            New(27, "13:30", "16:00", Api.SessionKind.Class, "Action plans for our countries' SMEs", "Each participant drafts how to apply what they saw.", "bbt-bandung", "ditjen-ikm", []),
            New(29, "13:00", "16:30", Api.SessionKind.Travel, "Coach to Jakarta", "", "coach-to-jakarta", null, [], fromCity: "Bandung"),
            New(30, "09:00", "11:00", Api.SessionKind.Class, "Evaluation of the programme", "", "kemenperin-jakarta", "ditjen-ikm", ["colombo-plan"]),
            New(30, "11:30", "12:30", Api.SessionKind.Ceremony, "Closing and certificates", "", "kemenperin-jakarta", "ditjen-ikm", ["kemensetneg-ksst", "colombo-plan"]),
        };
        // The rotation: in slot s, group g is at centre (g + s) mod 5, so every group sees every
        // centre once and no centre has two groups at a time.
        for (var slot = 0; slot < RotationSlots.Length; slot++)
        {
            var (day, from, to) = RotationSlots[slot];
            for (var group = 0; group < Groups.Count; group++)
            {
                var c = Centres[(group + slot) % Centres.Length];
                var session = New(day, from, to, c.Kind, $"{c.Title} (group {Groups[group]})", c.Description, c.Venue, c.Host, [], groups: [Groups[group]]);
                session.Capacity = c.Capacity;
                sessions.Add(session);
            }
        }
        return sessions.OrderBy(s => s.Start).ToList();
    }

    private static Session New(int day, string from, string to, Api.SessionKind kind, string title, string description, string venue, string? host,
        List<string> speakers, string? fromCity = null, List<string>? groups = null) => new()
    {
        Id = Guid.CreateVersion7(),
        BatchId = BatchId,
        Kind = (int)kind,
        Title = title,
        Description = description,
        VenueId = venue,
        HostId = host,
        Speakers = speakers,
        Start = At(day, from),
        End = At(day, to),
        Groups = groups ?? [],
        FromCity = fromCity,
    };

    private static DateTimeOffset At(int day, string time) => new(new DateTime(2018, 7, day).Add(TimeSpan.Parse(time)), Wib);
}
