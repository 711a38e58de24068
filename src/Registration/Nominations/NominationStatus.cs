namespace Ksst.Registration.Nominations;

/// <summary>Where a nomination stands in its lifecycle.</summary>
public enum NominationStatus
{
    /// <summary>Received, awaiting the organisers' decision.</summary>
    Nominated = 1,
    /// <summary>Given a seat.</summary>
    Accepted = 2,
    /// <summary>Waiting for a seat to free.</summary>
    Waitlisted = 3,
    /// <summary>Not admitted.</summary>
    Rejected = 4,
    /// <summary>Accepted and confirmed by the participant.</summary>
    Confirmed = 5,
    /// <summary>Took part.</summary>
    Attended = 6,
    /// <summary>Withdrawn.</summary>
    Withdrawn = 7,
}
