namespace Ksst.Registration.Programmes;

/// <summary>A capacity-building programme, run as numbered batches.</summary>
public sealed class Programme
{
    /// <summary>Stable identifier, e.g. "ksst-sme".</summary>
    public required string Id { get; init; }

    /// <summary>Full name.</summary>
    public required string Name { get; set; }

    /// <summary>Cooperation framework, e.g. KSST.</summary>
    public string Framework { get; set; } = "";

    /// <summary>Organising institutions.</summary>
    public List<string> Organisers { get; set; } = [];

    /// <summary>Colombo Plan pillar, e.g. PPSD.</summary>
    public string Pillar { get; set; } = "";

    /// <summary>What the programme is for.</summary>
    public string Description { get; set; } = "";
}
