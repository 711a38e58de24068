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

    /// <summary>Failed publish attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not before this time is the next attempt made.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The last publish error, for operators.</summary>
    public string? LastError { get; set; }
}
