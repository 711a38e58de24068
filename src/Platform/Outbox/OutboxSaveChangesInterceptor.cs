using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ksst.Platform.Outbox;

/// <summary>Signals the relay after a save that added outbox rows has committed.</summary>
internal sealed class OutboxSaveChangesInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Inside an explicit transaction the rows are not visible until commit; the relay's
        // fallback poll picks them up then, and the transaction interceptor below signals too.
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && PendingOutboxRows.Take(context))
        {
            signal.Notify();
        }
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}

/// <summary>Signals the relay when an explicit transaction with outbox rows commits.</summary>
internal sealed class OutboxTransactionInterceptor(OutboxSignal signal) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (PendingOutboxRows.Take(eventData.Context))
        {
            signal.Notify();
        }
        return base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
    }

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        PendingOutboxRows.Take(eventData.Context);
        return base.TransactionRolledBackAsync(transaction, eventData, cancellationToken);
    }
}
