namespace Ksst.Platform.Outbox;

/// <summary>
/// An integration event waiting to reach the broker, stored in the same transaction as the state
/// change that raised it.
/// </summary>
public sealed class OutboxMessage : ITracedWork
{
    /// <summary>The event id; also the broker message id consumers de-duplicate on.</summary>
    public Guid Id { get; set; }

    /// <summary>The contract type's full name, e.g. "Ksst.Contracts.Events.ParticipantNominated".</summary>
    public required string Type { get; set; }

    /// <summary>The event serialized as JSON.</summary>
    public required string Payload { get; set; }

    /// <summary>W3C traceparent of the operation that raised the event, to continue its trace.</summary>
    public string? TraceParent { get; set; }

    /// <summary>W3C tracestate that goes with <see cref="TraceParent"/>.</summary>
    public string? TraceState { get; set; }

    /// <summary>When the event was stored.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the broker confirmed it; null while pending.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>
    /// Publish attempts that failed because of the row itself (its type unknown, its payload
    /// unreadable, the broker returning it as unroutable); a broker that is away and subscriber
    /// queues not yet declared do not count.
    /// </summary>
    public int Attempts { get; set; }

    /// <summary>Not before this time is the next attempt made.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The last publish error, for operators.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// When the row ran out of attempts (<see cref="OutboxOptions.MaxAttempts"/>); null while it is
    /// pending or once published. A dead row is not tried again until an operator retries it.
    /// </summary>
    public DateTimeOffset? DeadAt { get; set; }

    /// <summary>Records a failure of the row itself: it waits <see cref="OutboxBackoff.After"/>, or is dead after the last attempt.</summary>
    /// <returns>True when this failure made it dead.</returns>
    public bool FailedItself(string error, DateTimeOffset now, int maxAttempts)
    {
        Attempts++;
        LastError = error;
        if (Attempts >= maxAttempts)
        {
            DeadAt = now;
            return true;
        }
        NextAttemptAt = now + OutboxBackoff.After(Attempts);
        return false;
    }

    /// <summary>Puts a dead row back to pending, with its attempts from zero; due at once.</summary>
    public void Revive(DateTimeOffset now)
    {
        DeadAt = null;
        Attempts = 0;
        NextAttemptAt = now;
    }
}
