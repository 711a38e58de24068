using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ksst.Platform.Audit;

/// <summary>
/// Writes the audit log of <typeparamref name="TContext"/>: just before each save, one
/// <see cref="AuditEntry"/> per added, modified or deleted row (platform rows aside) joins the
/// save, so it commits or rolls back with the change itself — inside the unit of work's
/// transaction, or the save's own. Entries are forgotten by the context once saved (or once the
/// save failed), so a long-lived context does not pile them up and a retried save records its
/// changes once. An entry itself can only be added, and only here.
/// </summary>
internal sealed class AuditInterceptor<TContext>(AuditActors actors, TimeProvider clock) : SaveChangesInterceptor
    where TContext : DbContext
{
    private static readonly ConditionalWeakTable<DbContext, HashSet<AuditEntry>> Staged = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Record(DbContext? context)
    {
        if (context is not TContext)
        {
            return;
        }
        if (context.Model.FindEntityType(typeof(AuditEntry)) is null)
        {
            throw new InvalidOperationException($"{typeof(TContext).Name} has an audit log but its model does not map it: call modelBuilder.AddAuditLog().");
        }
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }
        var staged = Staged.GetOrCreateValue(context);
        AuditActor? now = null;
        var at = clock.GetUtcNow();
        var entries = new List<AuditEntry>();
        foreach (var row in context.ChangeTracker.Entries())
        {
            if (row.Entity is AuditEntry entry)
            {
                EnsureOnlyAdded(row, entry, staged);
                continue;
            }
            if (row.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || AuditedType.Of(row.Metadata) is not { } type)
            {
                continue;
            }
            var actor = AuditAttribution.Of(row.Entity) ?? (now ??= actors.Current());
            if (EntryOf(row, type, actor, at) is { } recorded)
            {
                entries.Add(recorded);
            }
        }
        context.Set<AuditEntry>().AddRange(entries);
        staged.UnionWith(entries);
    }

    private static AuditEntry? EntryOf(EntityEntry row, AuditedType type, AuditActor actor, DateTimeOffset at)
    {
        string? before = null, after = null;
        var change = row.State switch
        {
            EntityState.Added => AuditChange.Added,
            EntityState.Deleted => AuditChange.Deleted,
            _ => AuditChange.Modified,
        };
        switch (change)
        {
            case AuditChange.Added:
                after = AuditValues.Of(row, type.Fields, original: false);
                break;
            case AuditChange.Deleted:
                before = AuditValues.Of(row, type.Fields, original: true);
                break;
            default:
                var changed = AuditValues.Changed(row, type);
                if (changed.Count == 0)
                {
                    return null; // marked modified, but no value differs: nothing changed
                }
                before = AuditValues.Of(row, changed, original: true);
                after = AuditValues.Of(row, changed, original: false);
                break;
        }
        var batch = type.Batch is { } property
            ? change == AuditChange.Deleted ? row.Property(property).OriginalValue : row.Property(property).CurrentValue
            : null;
        return new AuditEntry
        {
            At = at,
            ActorSubject = actor.Subject,
            ActorRole = actor.Role,
            ActorClientId = actor.ClientId,
            Rpc = actor.Rpc,
            ResourceType = type.ResourceType,
            ResourceId = string.Join("/", type.Key.Select(key => KeyText(row, key))),
            BatchId = batch is null ? null : AuditValues.Text(batch),
            Change = change,
            Before = before,
            After = after,
        };
    }

    private static string KeyText(EntityEntry row, IProperty key)
    {
        var property = row.Property(key);
        if (property.IsTemporary)
        {
            throw new InvalidOperationException(
                $"{row.Metadata.DisplayName()} gets its key from the database; audited rows need keys known before they are saved (a UUID, a chosen id).");
        }
        return AuditValues.Text(property.CurrentValue);
    }

    private static void EnsureOnlyAdded(EntityEntry row, AuditEntry entry, HashSet<AuditEntry> staged)
    {
        if (row.State is EntityState.Modified or EntityState.Deleted)
        {
            throw new InvalidOperationException("Audit entries are append-only: none is ever changed or removed.");
        }
        if (row.State == EntityState.Added && !staged.Contains(entry))
        {
            throw new InvalidOperationException("Audit entries are written by the audit log alone, from the changes being saved.");
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is null || !Staged.TryGetValue(context, out var staged))
        {
            return;
        }
        foreach (var entry in staged)
        {
            context.Entry(entry).State = EntityState.Detached;
        }
        staged.Clear();
    }
}
