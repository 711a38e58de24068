using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ksst.Platform.Inbox;

/// <summary>
/// Inbox rows are deleted <see cref="InboxOptions.Retention"/> after the message was handled. The
/// table has no index on the time: rows are added as messages are handled, so the oldest lie at
/// the start of the table, where the read that finds them (outside the write lock) starts.
/// </summary>
internal sealed class InboxRetention<TContext>(IOptions<InboxOptions> options) : IRetentionRule<TContext> where TContext : DbContext
{
    public string Table => "processed_messages";

    public async Task<int> PruneAsync(TContext db, UnitOfWork<TContext> unitOfWork, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var cutoff = now - options.Value.Retention;
        var rows = db.Set<ProcessedMessage>();
        // In table order on purpose (no ORDER BY): the scan stops at the limit, near the start.
        var old = await db.Database
            .SqlQuery<Guid>($"SELECT MessageId AS Value FROM processed_messages WHERE ProcessedAt < {cutoff.UtcTicks} LIMIT {limit}")
            .ToListAsync(cancellationToken);
        if (old.Count == 0)
        {
            return 0;
        }
        return await unitOfWork.RunAsync(_ => rows
            .Where(m => old.Contains(m.MessageId) && m.ProcessedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken), cancellationToken);
    }
}
