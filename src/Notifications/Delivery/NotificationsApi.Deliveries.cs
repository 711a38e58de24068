using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Notifications.V1;
using Ksst.Notifications.Data;
using Ksst.Notifications.Delivery;
using Ksst.Notifications.Webhooks;
using Ksst.Platform.Sqlite;
using Ksst.Platform.Tracing;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Notifications.V1;

namespace Ksst.Notifications;

/// <summary>The Notifications gRPC service; this part: the delivery log.</summary>
internal sealed partial class NotificationsApi(
    NotificationsDbContext db, Ksst.Platform.Sqlite.SqliteWriteGate gate, WorkSignal<Delivery.Delivery> mail, WebhookAddressGuard guard, TimeProvider clock)
    : Api.Notifications.NotificationsBase
{
    public override async Task<ListDeliveriesResponse> ListDeliveries(ListDeliveriesRequest request, ServerCallContext context)
    {
        var query = db.Deliveries.AsNoTracking();
        if (request.NominationId.Length > 0)
        {
            Guid? id = RequestFields.RequireId(request.NominationId, "nomination_id");
            query = query.Where(d => d.NominationId == id);
        }
        if (request.BatchId.Length > 0)
        {
            query = query.Where(d => d.BatchId == request.BatchId);
        }
        if (request.Status != Api.DeliveryStatus.Unspecified)
        {
            var status = StatusOf(request.Status, "status");
            query = query.Where(d => d.Status == status);
        }
        var deliveries = await query.OrderByDescending(d => d.CreatedAt).Take(500).ToListAsync(context.CancellationToken);
        return new ListDeliveriesResponse { Deliveries = { deliveries.Select(ToApi) } };
    }

    public override async Task<Api.Delivery> ResendDelivery(ResendDeliveryRequest request, ServerCallContext context)
    {
        var id = RequestFields.RequireId(request.DeliveryId, "delivery_id");
        Delivery.Delivery delivery;
        using (await gate.EnterAsync(context.CancellationToken))
        {
            delivery = await db.Deliveries.SingleOrDefaultAsync(d => d.Id == id, context.CancellationToken)
                ?? throw RpcErrors.NotFound("delivery", id.ToString());
            if (delivery.Status != Delivery.DeliveryStatus.Dead)
            {
                throw RpcErrors.FailedPrecondition("DELIVERY_NOT_DEAD", $"deliveries/{id}", $"The delivery is {delivery.Status}; only dead deliveries are resent.");
            }
            delivery.Status = Delivery.DeliveryStatus.Pending;
            delivery.Attempts = 0;
            delivery.NextAttemptAt = clock.GetUtcNow();
            // The resend is what causes the next send: it goes in this call's trace, linked to the event's.
            delivery.RetracedBy(Activity.Current);
            await db.SaveChangesAsync(context.CancellationToken);
        }
        mail.Notify();
        return ToApi(delivery);
    }

    private static Delivery.DeliveryStatus StatusOf(Api.DeliveryStatus status, string field) =>
        System.Enum.IsDefined(status) ? (Delivery.DeliveryStatus)(int)status : throw RpcErrors.InvalidArgument(field, "A DeliveryStatus.");

    private static Api.Delivery ToApi(Delivery.Delivery d) => new()
    {
        DeliveryId = d.Id.ToString(),
        EventId = d.EventId.ToString(),
        EventType = d.EventType,
        NominationId = d.NominationId?.ToString() ?? "",
        BatchId = d.BatchId,
        Channel = d.Channel,
        Status = (Api.DeliveryStatus)(int)d.Status,
        Attempts = d.Attempts,
        CreatedAt = Timestamp.FromDateTimeOffset(d.CreatedAt),
        SentAt = d.SentAt is { } sent ? Timestamp.FromDateTimeOffset(sent) : null,
        Language = d.Language,
        TraceId = d.TraceId ?? "",
        Recipient = d.Recipient,
        Template = d.Template,
        LastError = d.LastError ?? "",
        NextAttemptAt = d.Status is Delivery.DeliveryStatus.Pending or Delivery.DeliveryStatus.Failed ? Timestamp.FromDateTimeOffset(d.NextAttemptAt) : null,
        LastAttemptAt = d.LastAttemptAt is { } last ? Timestamp.FromDateTimeOffset(last) : null,
    };
}
