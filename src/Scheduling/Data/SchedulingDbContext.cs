using Ksst.Outbox;
using Ksst.Scheduling.Roster;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Data;

/// <summary>Scheduling's own database: the roster, the outbox and the inbox.</summary>
public sealed class SchedulingDbContext(DbContextOptions<SchedulingDbContext> options) : DbContext(options)
{
    /// <summary>Participants per batch.</summary>
    public DbSet<RosterEntry> Roster => Set<RosterEntry>();

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
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
