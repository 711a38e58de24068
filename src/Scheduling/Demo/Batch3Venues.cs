using Ksst.Scheduling.Sessions;

namespace Ksst.Scheduling.Demo;

/// <summary>
/// The places of batch 3 (Jakarta and Bandung, July 2018) from the domain notes, and the people
/// who lead its sessions, named by role and institution.
/// </summary>
internal static class Batch3Venues
{
    public static IReadOnlyList<Venue> Venues { get; } =
    [
        Place("kemenperin-jakarta", "Kementerian Perindustrian (head office)", "government office", "Jakarta", "Jl. Jend. Gatot Subroto Kav. 52-53, Jakarta Selatan", 80),
        Place("coach-to-bandung", "Coach, Jakarta to Bandung (Cipularang toll road)", "vehicle", "Bandung", "", 40),
        Place("coach-to-jakarta", "Coach, Bandung to Jakarta (Cipularang toll road)", "vehicle", "Jakarta", "", 40),
        Place("bbt-bandung", "Balai Besar Tekstil (Centre for Textile)", "research centre", "Bandung", "Jl. Jend. Ahmad Yani No. 390, Bandung", 30),
        Place("bblm-bandung", "Balai Besar Logam dan Mesin (Metal and Machinery)", "research centre", "Bandung", "Jl. Sangkuriang No. 12, Bandung", 30),
        Place("bbpk-bandung", "Balai Besar Pulp dan Kertas (Pulp and Paper)", "research centre", "Bandung", "Jl. Raya Dayeuhkolot No. 132, Bandung", 30),
        Place("b4t-bandung", "Balai Besar Bahan dan Barang Teknik (Materials and Technical Goods)", "research centre", "Bandung", "Jl. Sangkuriang No. 14, Bandung", 30),
        Place("bbk-bandung", "Balai Besar Keramik (Ceramics)", "research centre", "Bandung", "Jl. Jend. Ahmad Yani No. 392, Bandung", 30),
        Place("batik-komar", "Batik Komar", "small industry", "Bandung", "", 30),
        Place("matoa-indonesia", "Matoa Indonesia", "small industry", "Bandung", "", 30),
        Place("bandrek-hanjuang", "Bandrek Hanjuang", "small industry", "Cimahi", "", 30),
        Place("elina-keramik", "Elina Keramik", "small industry", "Cimahi", "", 30),
        Place("pt-dirgantara-indonesia", "PT Dirgantara Indonesia", "aircraft maker", "Bandung", "Jl. Pajajaran No. 154, Bandung", 40),
        Place("bandung-techno-park", "Bandung Techno Park", "start-up incubator", "Bandung", "", 40),
        Place("museum-kaa", "Museum Konferensi Asia Afrika", "museum", "Bandung", "Jl. Asia Afrika No. 65, Bandung", 60),
        Place("saung-angklung-udjo", "Saung Angklung Udjo", "cultural centre", "Bandung", "Jl. Padasuka No. 118, Bandung", 100),
    ];

    public static IReadOnlyList<Speaker> Speakers { get; } =
    [
        Person("ditjen-ikm", "Directorate General of Small and Medium Industry (Ditjen IKM)", "Kementerian Perindustrian (Kemenperin)"),
        Person("kemensetneg-ksst", "Bureau for Foreign Technical Cooperation", "Kementerian Sekretariat Negara (Kemensetneg)"),
        Person("disperindag-jabar", "West Java Provincial Office of Industry and Trade", "Dinas Perindustrian dan Perdagangan Provinsi Jawa Barat"),
        Person("lpei", "Indonesia Export Development Agency", "Lembaga Pengembangan Ekspor Indonesia (LPEI)"),
        Person("colombo-plan", "Programme for Private Sector Development (PPSD)", "Colombo Plan Secretariat"),
        Person("bbt-instructors", "Textile workshop instructors", "Balai Besar Tekstil"),
        Person("bblm-instructors", "CNC machine engineers", "Balai Besar Logam dan Mesin"),
        Person("bbpk-researchers", "Recycling researchers", "Balai Besar Pulp dan Kertas"),
        Person("b4t-researchers", "Battery and IoT researchers", "Balai Besar Bahan dan Barang Teknik"),
        Person("bbk-instructors", "Ceramics studio instructors", "Balai Besar Keramik"),
    ];

    private static Venue Place(string id, string name, string kind, string city, string address, int capacity) =>
        new() { Id = id, Name = name, Kind = kind, City = city, Address = address, Capacity = capacity, TimeZone = "Asia/Jakarta" };

    private static Speaker Person(string id, string name, string institution) => new() { Id = id, Name = name, Institution = institution };
}
