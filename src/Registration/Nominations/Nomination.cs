namespace Ksst.Registration.Nominations;

/// <summary>A member country's nomination of one participant to one batch.</summary>
public sealed class Nomination
{
    /// <summary>Server-assigned identifier.</summary>
    public Guid Id { get; init; }

    /// <summary>The batch nominated to.</summary>
    public required string BatchId { get; init; }

    /// <summary>The participant's full name.</summary>
    public required string FullName { get; set; }

    /// <summary>The participant's email address.</summary>
    public required string Email { get; set; }

    /// <summary>ISO alpha-2 nationality.</summary>
    public required string Nationality { get; set; }

    /// <summary>ISO alpha-2 code of the nominating member country.</summary>
    public required string NominatingCountry { get; init; }

    /// <summary>Employing organisation.</summary>
    public string Organisation { get; set; } = "";

    /// <summary>Position in that organisation.</summary>
    public string Position { get; set; } = "";

    /// <summary>"en" or "id".</summary>
    public required string PreferredLanguage { get; set; }

    /// <summary>Where the nomination stands.</summary>
    public NominationStatus Status { get; set; } = NominationStatus.Nominated;

    /// <summary>When it was received (UTC).</summary>
    public DateTimeOffset NominatedAt { get; init; }
}
