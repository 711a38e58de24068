using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Platform.Outbox;

/// <summary>
/// Which contexts have outbox rows staged since their last commit, so the relay is woken only by
/// commits that gave it work (not by every inbox or roster write).
/// </summary>
internal static class PendingOutboxRows
{
    private static readonly ConditionalWeakTable<DbContext, object> Marked = new();

    /// <summary>Notes that <paramref name="db"/> has staged outbox rows.</summary>
    public static void Mark(DbContext db) => Marked.AddOrUpdate(db, Marked);

    /// <summary>True, once, when <paramref name="db"/> had staged outbox rows.</summary>
    public static bool Take(DbContext? db) => db is not null && Marked.Remove(db);
}
