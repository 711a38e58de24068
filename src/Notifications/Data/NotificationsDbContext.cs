using Ksst.Notifications.Delivery;
using Ksst.Notifications.Reminders;
using Ksst.Notifications.Webhooks;
using Ksst.Platform.Audit;
using Ksst.Platform.Inbox;
using Ksst.Platform.Outbox;
using Ksst.Platform.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Notifications.Data;

/// <summary>Notifications' own database: the delivery log, reminders, webhooks, the inbox and the audit log (it publishes no events, so it has no outbox).</summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    /// <summary>Every email and how it went.</summary>
    public DbSet<Delivery.Delivery> Deliveries => Set<Delivery.Delivery>();

    /// <summary>Session reminders.</summary>
    public DbSet<Reminder> Reminders => Set<Reminder>();

    /// <summary>Webhook subscriptions.</summary>
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    /// <summary>Every webhook POST and how it went.</summary>
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

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
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
            e.HasIndex(d => new { d.Status, d.CreatedAt }); // retention
        });
        modelBuilder.Entity<Reminder>(e =>
        {
            e.ToTable("reminders");
            e.HasKey(r => r.SessionId);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(r => new { r.Status, r.DueAt });
        });
        modelBuilder.Entity<WebhookSubscription>(e =>
        {
            e.ToTable("webhook_subscriptions");
            e.Property(s => s.BatchId).HasMaxLength(64);
        });
        modelBuilder.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
            e.HasIndex(d => new { d.Status, d.CreatedAt }); // retention
            e.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.AddInbox().AddAuditLog();
    }
}
