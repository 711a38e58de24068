using System.Diagnostics;
using Ksst.Notifications.Data;
using Ksst.Platform.Sqlite;
using Ksst.Platform.Tracing;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Notifications.Delivery;

/// <summary>What an operator may do to a delivery: send a dead or uncertain one again.</summary>
internal sealed class DeliveryCommands(NotificationsDbContext db, UnitOfWork<NotificationsDbContext> unitOfWork, WorkSignal<Delivery> mail, TimeProvider clock)
{
    /// <summary>
    /// Puts a dead or uncertain delivery back in the queue from a fresh retry schedule, in the
    /// trace of <paramref name="cause"/> (the resend call), and wakes the dispatcher once
    /// committed. Anything else is FAILED_PRECONDITION: a resend never doubles a delivery that
    /// is waiting, being sent or sent.
    /// </summary>
    public Task<Delivery> ResendAsync(Guid deliveryId, Activity? cause, CancellationToken ct) =>
        unitOfWork.RunAsync(async after =>
        {
            var delivery = await db.Deliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, ct)
                ?? throw RpcErrors.NotFound("delivery", deliveryId.ToString());
            if (!DeliveryLifecycle.CanResend(delivery.Status))
            {
                throw NotResendable($"deliveries/{deliveryId}", delivery.Status);
            }
            DeliveryLifecycle.Resend(delivery, clock.GetUtcNow());
            // The resend is what causes the next send: it goes in this call's trace, linked to the event's.
            delivery.RetracedBy(cause);
            after.Then(mail.Notify);
            return delivery;
        }, ct);

    /// <summary>The caller's mistake of resending a delivery in <paramref name="status"/>.</summary>
    public static Grpc.Core.RpcException NotResendable(string subject, DeliveryStatus status) =>
        RpcErrors.FailedPrecondition("DELIVERY_NOT_RESENDABLE", subject,
            $"The delivery is {status}; only {string.Join(" and ", DeliveryLifecycle.Resendable)} deliveries are resent.");
}
