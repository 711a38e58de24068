namespace Ksst.Scheduling.Roster;

/// <summary>The roster statuses Scheduling mirrors from Registration, and what each means for the timetable.</summary>
public static class RosterStatus
{
    public const string Nominated = "Nominated";
    public const string Waitlisted = "Waitlisted";
    public const string Accepted = "Accepted";
    public const string Confirmed = "Confirmed";
    public const string Attended = "Attended";
    public const string Rejected = "Rejected";
    public const string Withdrawn = "Withdrawn";

    /// <summary>Expected at the batch's sessions: holds a seat.</summary>
    public static bool IsParticipating(string status) => status is Accepted or Confirmed or Attended;

    /// <summary>Confirmed their seat: may be put in a group.</summary>
    public static bool IsConfirmed(string status) => status is Confirmed or Attended;

    /// <summary>The statuses that hold a seat, for queries.</summary>
    public static readonly string[] Participating = [Accepted, Confirmed, Attended];
}
