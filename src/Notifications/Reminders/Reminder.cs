namespace Ksst.Notifications.Reminders;

/// <summary>Where a session's reminder stands.</summary>
public enum ReminderStatus
{
    /// <summary>Waiting for its time.</summary>
    Scheduled = 1,
    /// <summary>Its deliveries were created.</summary>
    Sent = 2,
    /// <summary>The session was cancelled.</summary>
    Cancelled = 3,
    /// <summary>Its time came after the session had started; nothing was sent.</summary>
    Skipped = 4,
}

/// <summary>The reminder of one session, kept in step with the session's events.</summary>
public sealed class Reminder
{
    /// <summary>The session in Scheduling.</summary>
    public Guid SessionId { get; init; }

    /// <summary>The batch.</summary>
    public required string BatchId { get; set; }

    /// <summary>The session's title.</summary>
    public required string Title { get; set; }

    /// <summary>The session's start (UTC).</summary>
    public DateTimeOffset Start { get; set; }

    /// <summary>The session's end (UTC).</summary>
    public DateTimeOffset End { get; set; }

    /// <summary>Its audience (nominations) as of the last event.</summary>
    public List<Guid> Audience { get; set; } = [];

    /// <summary>When it is sent: the day before the session, at the configured local hour.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Where it stands.</summary>
    public ReminderStatus Status { get; set; } = ReminderStatus.Scheduled;

    /// <summary>Identifies this version of the reminder; its deliveries carry it as their event id, so each version is sent once.</summary>
    public Guid FireId { get; set; }

    /// <summary>The session's version in the last event applied (<see cref="Ksst.Contracts.Events.VersionOrder"/>); events of a version not above it change nothing.</summary>
    public long SessionVersion { get; set; }

    /// <summary>When it was sent.</summary>
    public DateTimeOffset? SentAt { get; set; }
}
