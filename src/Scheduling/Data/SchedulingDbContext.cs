using Ksst.Platform.Audit;
using Ksst.Platform.Inbox;
using Ksst.Platform.Outbox;
using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Feeds;
using Ksst.Scheduling.Groups;
using Ksst.Scheduling.Roster;
using Ksst.Scheduling.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Data;

/// <summary>Scheduling's own database: roster, groups, venues, speakers, sessions, calendar feeds, outbox, inbox and audit log.</summary>
public sealed class SchedulingDbContext(DbContextOptions<SchedulingDbContext> options) : DbContext(options)
{
    /// <summary>Participants per batch.</summary>
    public DbSet<RosterEntry> Roster => Set<RosterEntry>();

    /// <summary>Places sessions happen in.</summary>
    public DbSet<Venue> Venues => Set<Venue>();

    /// <summary>Hosts and speakers.</summary>
    public DbSet<Speaker> Speakers => Set<Speaker>();

    /// <summary>Groups of the batches.</summary>
    public DbSet<Group> Groups => Set<Group>();

    /// <summary>Timetable entries of the batches.</summary>
    public DbSet<Session> Sessions => Set<Session>();

    /// <summary>Secret calendar feed URLs (their tokens' hashes).</summary>
    public DbSet<Feed> Feeds => Set<Feed>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcTicksForTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RosterEntry>(e =>
        {
            e.ToTable("roster");
            e.HasKey(r => r.NominationId);
            e.Property(r => r.BatchId).HasMaxLength(64);
            e.HasIndex(r => new { r.BatchId, r.NominatedAt });
            e.Property(r => r.Group).HasMaxLength(16);
        });
        modelBuilder.Entity<Venue>(e =>
        {
            e.ToTable("venues");
            e.Property(v => v.Id).HasMaxLength(64);
        });
        modelBuilder.Entity<Speaker>(e =>
        {
            e.ToTable("speakers");
            e.Property(v => v.Id).HasMaxLength(64);
        });
        modelBuilder.Entity<Group>(e =>
        {
            e.ToTable("groups");
            e.HasKey(g => new { g.BatchId, g.Name });
            e.Property(g => g.BatchId).HasMaxLength(64);
            e.Property(g => g.Name).HasMaxLength(16);
        });
        modelBuilder.Entity<Session>(e =>
        {
            e.ToTable("sessions");
            e.Property(s => s.BatchId).HasMaxLength(64);
            e.HasOne<Venue>().WithMany().HasForeignKey(s => s.VenueId);
            e.HasIndex(s => new { s.BatchId, s.Start });
        });
        modelBuilder.Entity<Feed>(e =>
        {
            e.ToTable("calendar_feeds");
            e.Property(f => f.TokenHash).HasMaxLength(32);
            e.HasIndex(f => f.TokenHash).IsUnique();
            e.Property(f => f.BatchId).HasMaxLength(64);
            e.Property(f => f.Label).HasMaxLength(100);
            e.Property(f => f.CreatedBy).HasMaxLength(200);
            e.HasIndex(f => new { f.BatchId, f.CreatedAt });
            e.HasIndex(f => new { f.CreatedBy, f.CreatedAt });
            e.Ignore(f => f.IsAgenda);
        });
        modelBuilder.AddOutbox().AddInbox().AddAuditLog();
    }
}
