using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ksst.Platform.Outbox;

/// <summary>Published outbox rows are deleted <see cref="OutboxOptions.Retention"/> after they were published; pending and dead rows stay.</summary>
internal sealed class OutboxRetention<TContext>(IOptions<OutboxOptions> options) : IRetentionRule<TContext> where TContext : DbContext
{
    public string Table => "outbox_messages";

    public async Task<int> PruneAsync(TContext db, UnitOfWork<TContext> unitOfWork, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var cutoff = now - options.Value.Retention;
        var rows = db.Set<OutboxMessage>();
        var old = await rows.AsNoTracking()
            .Where(m => m.PublishedAt != null && m.PublishedAt < cutoff)
            .OrderBy(m => m.PublishedAt)
            .Select(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        if (old.Count == 0)
        {
            return 0;
        }
        return await unitOfWork.RunAsync(_ => rows
            .Where(m => old.Contains(m.Id) && m.PublishedAt != null && m.PublishedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken), cancellationToken);
    }
}
