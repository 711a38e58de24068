namespace Ksst.Scheduling.Sessions;

/// <summary>A place sessions happen in.</summary>
public sealed class Venue
{
    /// <summary>Stable identifier, e.g. "bbt-bandung".</summary>
    public required string Id { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>Kind, e.g. "research centre".</summary>
    public string Kind { get; set; } = "";

    /// <summary>City; travel times are between cities.</summary>
    public required string City { get; set; }

    /// <summary>Street address.</summary>
    public string Address { get; set; } = "";

    /// <summary>Most people it holds.</summary>
    public int Capacity { get; set; }

    /// <summary>IANA time zone.</summary>
    public string TimeZone { get; set; } = "Asia/Jakarta";
}
