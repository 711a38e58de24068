using Microsoft.EntityFrameworkCore;

namespace Ksst.Platform.Inbox;

/// <summary>Consumer-side de-duplication: a message id is handled once per consumer.</summary>
public static class Inbox
{
    /// <summary>True when <paramref name="consumer"/> already handled <paramref name="messageId"/>.</summary>
    public static Task<bool> AlreadyProcessedAsync(this DbContext db, Guid messageId, string consumer, CancellationToken cancellationToken) =>
        db.Set<ProcessedMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);

    /// <summary>Stages the inbox row; it commits with the consumer's own changes.</summary>
    public static void MarkProcessed(this DbContext db, Guid messageId, string consumer, DateTimeOffset at) =>
        db.Set<ProcessedMessage>().Add(new ProcessedMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = at });
}
