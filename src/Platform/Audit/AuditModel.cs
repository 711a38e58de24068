using Microsoft.EntityFrameworkCore;

namespace Ksst.Platform.Audit;

/// <summary>Adds the audit log's table to a service's model.</summary>
public static class AuditModel
{
    /// <summary>
    /// Maps <see cref="AuditEntry"/> to <c>audit_entries</c>, with the indexes its filters use
    /// (each ends in the id, so newest first is read in index order). The triggers that keep it
    /// append-only are created by the service's migration (<see cref="AuditTriggers"/>) and
    /// declared here.
    /// </summary>
    public static ModelBuilder AddAuditLog(this ModelBuilder model)
    {
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries", t =>
            {
                t.HasTrigger(AuditTriggers.NoUpdate);
                t.HasTrigger(AuditTriggers.NoDelete);
            });
            e.HasKey(a => a.Id);
            e.Property(a => a.At).HasConversion<Sqlite.UtcTicksConverter>();
            e.Property(a => a.ActorSubject).HasMaxLength(200);
            e.Property(a => a.ActorRole).HasMaxLength(32);
            e.Property(a => a.ActorClientId).HasMaxLength(200);
            e.Property(a => a.Rpc).HasMaxLength(200);
            e.Property(a => a.ResourceType).HasMaxLength(64);
            e.Property(a => a.ResourceId).HasMaxLength(200);
            e.Property(a => a.BatchId).HasMaxLength(64);
            e.Property(a => a.Change).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(a => new { a.ResourceType, a.ResourceId, a.Id });
            e.HasIndex(a => new { a.ActorSubject, a.Id });
            e.HasIndex(a => new { a.BatchId, a.Id });
            e.HasIndex(a => a.At);
        });
        return model;
    }
}
