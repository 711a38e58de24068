using Ksst.Notifications.Delivery;
using Ksst.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Notifications.Data;

/// <summary>Notifications' own database: the delivery log, the outbox and the inbox.</summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    /// <summary>Every notification and how it went.</summary>
    public DbSet<Delivery.Delivery> Deliveries => Set<Delivery.Delivery>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcTicksForTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Delivery.Delivery>(e =>
        {
            e.ToTable("deliveries");
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(d => new { d.EventId, d.Recipient }).IsUnique();
            e.HasIndex(d => d.NominationId);
            e.HasIndex(d => new { d.BatchId, d.CreatedAt });
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
