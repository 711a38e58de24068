using Microsoft.EntityFrameworkCore;

namespace Ksst.Outbox;

/// <summary>Adds the outbox and inbox tables to a service's model.</summary>
public static class ModelBuilderExtensions
{
    /// <summary>Maps <see cref="OutboxMessage"/> and <see cref="ProcessedMessage"/>.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Type).HasMaxLength(200);
            e.HasIndex(m => new { m.PublishedAt, m.NextAttemptAt });
        });
        model.Entity<ProcessedMessage>(e =>
        {
            e.ToTable("processed_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(200);
        });
        return model;
    }
}
