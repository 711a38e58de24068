using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Platform.Outbox;

/// <summary>What an operator does with an outbox: look at its pending and dead rows, retry the dead.</summary>
internal sealed class OutboxCommands<TContext>(TContext db, UnitOfWork<TContext> unitOfWork, OutboxSignal signal, TimeProvider clock)
    where TContext : DbContext
{
    /// <summary>The most rows one listing returns.</summary>
    public const int ListLimit = 500;

    /// <summary>Dead (or pending) rows, oldest first, and how many there are in all.</summary>
    public async Task<(IReadOnlyList<OutboxMessage> Rows, int Total)> ListAsync(bool dead, CancellationToken cancellationToken)
    {
        var rows = db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.PublishedAt == null && (dead ? m.DeadAt != null : m.DeadAt == null));
        var total = await rows.CountAsync(cancellationToken);
        var list = await rows.OrderBy(m => m.CreatedAt).Take(ListLimit).ToListAsync(cancellationToken);
        return (list, total);
    }

    /// <summary>Puts dead row <paramref name="id"/> back to pending; the relay is woken after the commit.</summary>
    public Task<int> RetryAsync(Guid id, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async after =>
        {
            var row = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
                ?? throw RpcErrors.NotFound("outbox event", id.ToString());
            if (row.DeadAt is null)
            {
                throw RpcErrors.FailedPrecondition("OUTBOX_EVENT_NOT_DEAD", $"outbox/events/{id}",
                    row.PublishedAt is null ? "The event is pending; only dead events are retried." : "The event is published; only dead events are retried.");
            }
            row.Revive(clock.GetUtcNow());
            after.Then(signal.Notify);
            return 1;
        }, cancellationToken);

    /// <summary>Puts every dead row back to pending; the relay is woken after the commit.</summary>
    public Task<int> RetryAllAsync(CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async after =>
        {
            var dead = await db.Set<OutboxMessage>().Where(m => m.PublishedAt == null && m.DeadAt != null).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            dead.ForEach(row => row.Revive(now));
            after.Then(signal.Notify);
            return dead.Count;
        }, cancellationToken);
}
