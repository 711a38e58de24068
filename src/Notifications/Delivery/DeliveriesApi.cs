using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Notifications.V1;
using Ksst.Notifications.Data;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Notifications.V1;

namespace Ksst.Notifications.Delivery;

/// <summary>The Notifications gRPC service: the delivery log.</summary>
internal sealed class DeliveriesApi(NotificationsDbContext db) : Api.Notifications.NotificationsBase
{
    public override async Task<ListDeliveriesResponse> ListDeliveries(ListDeliveriesRequest request, ServerCallContext context)
    {
        var query = db.Deliveries.AsNoTracking();
        if (request.NominationId.Length > 0)
        {
            var id = RequestFields.RequireId(request.NominationId, "nomination_id");
            query = query.Where(d => d.NominationId == id);
        }
        if (request.BatchId.Length > 0)
        {
            query = query.Where(d => d.BatchId == request.BatchId);
        }
        var deliveries = await query.OrderByDescending(d => d.CreatedAt).Take(500).ToListAsync(context.CancellationToken);
        return new ListDeliveriesResponse { Deliveries = { deliveries.Select(ToApi) } };
    }

    private static Api.Delivery ToApi(Delivery d) => new()
    {
        DeliveryId = d.Id.ToString(),
        EventId = d.EventId.ToString(),
        EventType = d.EventType,
        NominationId = d.NominationId.ToString(),
        BatchId = d.BatchId,
        Channel = d.Channel,
        Status = (Api.DeliveryStatus)(int)d.Status,
        Attempts = d.Attempts,
        CreatedAt = Timestamp.FromDateTimeOffset(d.CreatedAt),
        SentAt = d.SentAt is { } sent ? Timestamp.FromDateTimeOffset(sent) : null,
        Language = d.Language,
        TraceId = d.TraceId ?? "",
    };
}
