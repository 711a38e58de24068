using Ksst.Platform.Audit;
using Ksst.Platform.Outbox;
using Ksst.Platform.Sqlite;
using Ksst.Registration.Batches;
using Ksst.Registration.Nominations;
using Ksst.Registration.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Registration.Data;

/// <summary>Registration's own database: programmes, batches, nominations, outbox, audit log.</summary>
public sealed class RegistrationDbContext(DbContextOptions<RegistrationDbContext> options) : DbContext(options)
{
    /// <summary>Capacity-building programmes.</summary>
    public DbSet<Programme> Programmes => Set<Programme>();

    /// <summary>Batches of the programmes.</summary>
    public DbSet<Batch> Batches => Set<Batch>();

    /// <summary>Nominations to those batches.</summary>
    public DbSet<Nomination> Nominations => Set<Nomination>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcTicksForTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Programme>(e =>
        {
            e.ToTable("programmes");
            e.Property(p => p.Id).HasMaxLength(64);
        });
        modelBuilder.Entity<Batch>(e =>
        {
            e.ToTable("batches");
            e.Property(b => b.Id).HasMaxLength(64);
            e.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Programme>().WithMany().HasForeignKey(b => b.ProgrammeId);
            e.HasIndex(b => new { b.ProgrammeId, b.Number }).IsUnique();
        });
        modelBuilder.Entity<Nomination>(e =>
        {
            e.ToTable("nominations");
            e.Property(n => n.BatchId).HasMaxLength(64);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Batch>().WithMany().HasForeignKey(n => n.BatchId);
            e.HasIndex(n => new { n.BatchId, n.NominatedAt });
            e.HasIndex(n => new { n.BatchId, n.Status });
            // Backstops for the checks in NominationCommands.
            e.HasIndex(n => new { n.BatchId, n.Email }).IsUnique();
            e.HasIndex(n => new { n.BatchId, n.PassportNumber }).IsUnique();
            e.HasIndex(n => n.RequestId).IsUnique();
        });
        modelBuilder.AddOutbox().AddAuditLog();
    }
}
