using Ksst.Outbox;
using Ksst.Registration.Batches;
using Ksst.Registration.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Registration.Data;

/// <summary>Registration's own database: batches, nominations, outbox.</summary>
public sealed class RegistrationDbContext(DbContextOptions<RegistrationDbContext> options) : DbContext(options)
{
    /// <summary>Batches of the programme.</summary>
    public DbSet<Batch> Batches => Set<Batch>();

    /// <summary>Nominations to those batches.</summary>
    public DbSet<Nomination> Nominations => Set<Nomination>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcTicksForTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Batch>(e =>
        {
            e.ToTable("batches");
            e.Property(b => b.Id).HasMaxLength(64);
            e.HasIndex(b => b.Number).IsUnique();
        });
        modelBuilder.Entity<Nomination>(e =>
        {
            e.ToTable("nominations");
            e.Property(n => n.BatchId).HasMaxLength(64);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Batch>().WithMany().HasForeignKey(n => n.BatchId);
            e.HasIndex(n => new { n.BatchId, n.NominatedAt });
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
