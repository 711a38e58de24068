using Ksst.Platform.Audit;

namespace Ksst.Registration.Batches;

/// <summary>One numbered run ("angkatan") of a programme.</summary>
public sealed class Batch
{
    /// <summary>Stable identifier used in URLs and events, e.g. "ksst-sme-2018".</summary>
    [AuditBatch]
    public required string Id { get; init; }

    /// <summary>The programme.</summary>
    public required string ProgrammeId { get; init; }

    /// <summary>The batch's number within the programme (1, 2, 3, …).</summary>
    public int Number { get; init; }

    /// <summary>The batch's theme.</summary>
    public string Theme { get; set; } = "";

    /// <summary>Host cities in visiting order.</summary>
    public List<string> HostCities { get; set; } = [];

    /// <summary>First day, in the host's local calendar.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>Last day, in the host's local calendar.</summary>
    public DateOnly EndDate { get; set; }

    /// <summary>IANA time zone of the host, e.g. "Asia/Jakarta".</summary>
    public string TimeZone { get; set; } = "Asia/Jakarta";

    /// <summary>Seats available.</summary>
    public int Capacity { get; set; }

    /// <summary>Most seats one nominating country may hold.</summary>
    public int CountryQuota { get; set; }

    /// <summary>Nominations are taken until then.</summary>
    public DateTimeOffset NominationDeadline { get; set; }

    /// <summary>Countries that may nominate; empty means every member.</summary>
    public List<string> EligibleCountries { get; set; } = [];

    /// <summary>Where the batch stands.</summary>
    public BatchStatus Status { get; set; } = BatchStatus.Draft;

    /// <summary>Admit each nomination on arrival (accept within capacity and quota, else waitlist).</summary>
    public bool AdmitOnArrival { get; set; }

    /// <summary>Participants recorded for batches run before this system (history).</summary>
    public int RecordedParticipants { get; set; }

    /// <summary>True when <paramref name="country"/> may nominate to this batch.</summary>
    public bool IsEligible(string country) => EligibleCountries.Count == 0 || EligibleCountries.Contains(country);
}
