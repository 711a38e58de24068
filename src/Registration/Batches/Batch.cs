namespace Ksst.Registration.Batches;

/// <summary>One numbered run ("angkatan") of the capacity-building programme.</summary>
public sealed class Batch
{
    /// <summary>Stable identifier used in URLs and events, e.g. "ksst-sme-2018".</summary>
    public required string Id { get; init; }

    /// <summary>The batch's number within the programme (1, 2, 3, …).</summary>
    public int Number { get; init; }

    /// <summary>The batch's theme.</summary>
    public required string Theme { get; init; }

    /// <summary>Host cities, e.g. "Jakarta, Bandung".</summary>
    public required string HostCities { get; init; }

    /// <summary>First day, in the host's local calendar.</summary>
    public DateOnly StartDate { get; init; }

    /// <summary>Last day, in the host's local calendar.</summary>
    public DateOnly EndDate { get; init; }

    /// <summary>Seats available.</summary>
    public int Capacity { get; init; }
}
