namespace Ksst.Notifications.Notices;

/// <summary>Where organisers' notices go (section "Notifications:Organisers").</summary>
public sealed class OrganisersOptions
{
    /// <summary>Display name.</summary>
    public string Name { get; set; } = "KSST organisers (Ditjen IKM, Kemenperin)";

    /// <summary>Email address.</summary>
    public string Address { get; set; } = "organisers@ksst.example.org";

    /// <summary>Their language.</summary>
    public string Language { get; set; } = "id";

    /// <summary>IANA time zone times are written in.</summary>
    public string TimeZone { get; set; } = "Asia/Jakarta";
}
