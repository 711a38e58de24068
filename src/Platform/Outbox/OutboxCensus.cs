using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ksst.Platform.Outbox;

/// <summary>Counts an outbox's pending and dead rows for <see cref="OutboxMetrics"/> (reads only, through the rows' index).</summary>
internal static class OutboxCensus
{
    /// <summary>The census of <typeparamref name="TContext"/>'s outbox now, or null when it cannot be read.</summary>
    public static OutboxCounts? Take<TContext>(IServiceScopeFactory scopes, TimeProvider clock) where TContext : DbContext
    {
        try
        {
            using var scope = scopes.CreateScope();
            var unpublished = scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.PublishedAt == null);
            var dead = unpublished.Count(m => m.DeadAt != null);
            var pending = unpublished.Where(m => m.DeadAt == null);
            var count = pending.Count();
            var now = clock.GetUtcNow();
            var age = count == 0 ? TimeSpan.Zero : now - pending.OrderBy(m => m.CreatedAt).Select(m => m.CreatedAt).First();
            return new OutboxCounts(count, dead, age < TimeSpan.Zero ? TimeSpan.Zero : age, now);
        }
        catch (Exception)
        {
            // A metric read must never fail the exporter: the database is away (shutting down).
            return null;
        }
    }
}
