using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Platform.Audit;

/// <summary>
/// Changes made for several callers in one unit of work (a group commit): each entity staged for
/// a caller is recorded as that caller's, whoever runs the unit of work.
/// </summary>
public static class AuditAttribution
{
    private static readonly ConditionalWeakTable<object, AuditActor> Actors = new();

    /// <summary>Records the changes of <paramref name="entity"/> in <paramref name="db"/>'s next save as made by <paramref name="actor"/>.</summary>
    public static void AuditAs(this DbContext db, object entity, AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(db);
        Actors.AddOrUpdate(entity, actor);
    }

    /// <summary>The actor <paramref name="entity"/>'s changes were attributed to, if any.</summary>
    internal static AuditActor? Of(object entity) => Actors.TryGetValue(entity, out var actor) ? actor : null;
}
