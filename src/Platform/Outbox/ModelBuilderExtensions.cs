using Microsoft.EntityFrameworkCore;

namespace Ksst.Platform.Outbox;

/// <summary>Adds the platform's tables to a service's model.</summary>
public static class ModelBuilderExtensions
{
    /// <summary>Maps <see cref="OutboxMessage"/>: for a service that publishes events.</summary>
    public static ModelBuilder AddOutbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Type).HasMaxLength(200);
            // Serves the relay (unpublished, not dead, due), the census (unpublished: dead or
            // not) and the pruning of published rows (by when).
            e.HasIndex(m => new { m.PublishedAt, m.DeadAt, m.NextAttemptAt });
        });
        return model;
    }

    /// <summary>Maps <see cref="ProcessedMessage"/>: for a service that consumes events.</summary>
    public static ModelBuilder AddInbox(this ModelBuilder model)
    {
        model.Entity<ProcessedMessage>(e =>
        {
            e.ToTable("processed_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            // No index on ProcessedAt: rows are added in processing order, so pruning finds the
            // oldest at the start of the table (InboxRetention).
            e.Property(m => m.Consumer).HasMaxLength(200);
        });
        return model;
    }
}
