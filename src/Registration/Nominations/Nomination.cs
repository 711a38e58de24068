using Ksst.Platform.Audit;

namespace Ksst.Registration.Nominations;

/// <summary>A member country's nomination of one participant to one batch.</summary>
public sealed class Nomination
{
    /// <summary>Server-assigned identifier (UUID v7: time-ordered).</summary>
    public Guid Id { get; init; }

    /// <summary>The batch nominated to.</summary>
    public required string BatchId { get; init; }

    /// <summary>The client's idempotency key, if it sent one.</summary>
    public string? RequestId { get; init; }

    /// <summary>The participant's full name.</summary>
    [PersonalData]
    public required string FullName { get; set; }

    /// <summary>The participant's email address, stored lower-case.</summary>
    [PersonalData]
    public required string Email { get; set; }

    /// <summary>ISO alpha-2 nationality.</summary>
    public required string Nationality { get; set; }

    /// <summary>"female", "male", "other" or empty.</summary>
    [PersonalData]
    public string Gender { get; set; } = "";

    /// <summary>Phone in international form. Personal data: never in events, logs or traces.</summary>
    [PersonalData]
    public string Phone { get; set; } = "";

    /// <summary>Passport number, upper-case. Personal data: never in events, logs or traces.</summary>
    [PersonalData]
    public string PassportNumber { get; set; } = "";

    /// <summary>Passport expiry.</summary>
    [PersonalData]
    public DateOnly? PassportExpiry { get; set; }

    /// <summary>Employing organisation.</summary>
    public string Organisation { get; set; } = "";

    /// <summary>Position in that organisation.</summary>
    [PersonalData]
    public string Position { get; set; } = "";

    /// <summary>"en" or "id".</summary>
    public required string PreferredLanguage { get; set; }

    /// <summary>Dietary needs.</summary>
    [PersonalData]
    public string DietaryNeeds { get; set; } = "";

    /// <summary>Accessibility needs.</summary>
    [PersonalData]
    public string AccessibilityNeeds { get; set; } = "";

    /// <summary>Arrival date.</summary>
    public DateOnly? ArrivalDate { get; set; }

    /// <summary>Departure date.</summary>
    public DateOnly? DepartureDate { get; set; }

    /// <summary>ISO alpha-2 code of the nominating member country; its quota applies.</summary>
    public required string NominatingCountry { get; init; }

    /// <summary>The nominating agency's contact person.</summary>
    [PersonalData]
    public string AgencyContactName { get; set; } = "";

    /// <summary>The nominating agency's contact email.</summary>
    [PersonalData]
    public string AgencyContactEmail { get; set; } = "";

    /// <summary>Where the nomination stands.</summary>
    public NominationStatus Status { get; set; } = NominationStatus.Nominated;

    /// <summary>When it was received (UTC); the waitlist's order.</summary>
    public DateTimeOffset NominatedAt { get; init; }

    /// <summary>When its status last changed (UTC).</summary>
    public DateTimeOffset StatusChangedAt { get; set; }

    /// <summary>The reason given for the last change, if any.</summary>
    public string StatusReason { get; set; } = "";

    /// <summary>
    /// Counts the nomination's states: 1 when nominated (nominations stored before versions
    /// existed start at 1 too), one more at each change of its status
    /// (<see cref="NominationCommands.Move"/>). Its events carry it, so subscribers apply them in
    /// this order whatever the clocks say.
    /// </summary>
    public long Version { get; set; } = 1;
}
