namespace Ksst.Platform.Inbox;

/// <summary>
/// The inbox: a message a consumer has handled. Written in the same transaction as the
/// consumer's effects, so a redelivered message is recognised and skipped.
/// </summary>
public sealed class ProcessedMessage
{
    /// <summary>The broker message id (the event id).</summary>
    public Guid MessageId { get; set; }

    /// <summary>The consumer that handled it; one message may feed several consumers.</summary>
    public required string Consumer { get; set; }

    /// <summary>When it was handled.</summary>
    public DateTimeOffset ProcessedAt { get; set; }
}
