namespace Ksst.Scheduling.Sessions;

/// <summary>A host or speaker, who cannot be in two sessions at once.</summary>
public sealed class Speaker
{
    /// <summary>Stable identifier, e.g. "ditjen-ikm".</summary>
    public required string Id { get; init; }

    /// <summary>Name or role.</summary>
    public required string Name { get; set; }

    /// <summary>Institution.</summary>
    public string Institution { get; set; } = "";
}
