using System.Diagnostics;
using Ksst.Notifications.Data;
using Ksst.Platform.Sqlite;
using Ksst.Platform.Tracing;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Notifications.Delivery;

/// <summary>What an operator may do to a delivery: send a dead one again.</summary>
internal sealed class DeliveryCommands(NotificationsDbContext db, UnitOfWork<NotificationsDbContext> unitOfWork, WorkSignal<Delivery> mail, TimeProvider clock)
{
    /// <summary>
    /// Puts a dead delivery back in the queue from a fresh retry schedule, in the trace of
    /// <paramref name="cause"/> (the resend call), and wakes the dispatcher once committed.
    /// </summary>
    public Task<Delivery> ResendAsync(Guid deliveryId, Activity? cause, CancellationToken ct) =>
        unitOfWork.RunAsync(async after =>
        {
            var delivery = await db.Deliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, ct)
                ?? throw RpcErrors.NotFound("delivery", deliveryId.ToString());
            if (delivery.Status != DeliveryStatus.Dead)
            {
                throw RpcErrors.FailedPrecondition("DELIVERY_NOT_DEAD", $"deliveries/{deliveryId}", $"The delivery is {delivery.Status}; only dead deliveries are resent.");
            }
            delivery.Status = DeliveryStatus.Pending;
            delivery.Attempts = 0;
            delivery.NextAttemptAt = clock.GetUtcNow();
            // The resend is what causes the next send: it goes in this call's trace, linked to the event's.
            delivery.RetracedBy(cause);
            after.Then(mail.Notify);
            return delivery;
        }, ct);
}
