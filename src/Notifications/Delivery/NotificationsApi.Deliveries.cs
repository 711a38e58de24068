using System.Diagnostics;
using Grpc.Core;
using Ksst.Contracts.Notifications.V1;
using Ksst.Notifications.Delivery;
using Ksst.Notifications.Reminders;
using Ksst.Notifications.Webhooks;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Notifications.V1;

using Ksst.Notifications.Access;
using Ksst.ServiceDefaults.Access;

namespace Ksst.Notifications;

/// <summary>
/// The Notifications gRPC service (also served as JSON through transcoding), a thin adapter over
/// the feature's queries and commands; this part: the delivery log.
/// </summary>
internal sealed partial class NotificationsApi(
    DeliveryQueries deliveries, DeliveryCommands deliveryCommands, ReminderQueries reminders,
    WebhookQueries webhooks, WebhookCommands webhookCommands, DeliveryAccess access)
    : Api.Notifications.NotificationsBase
{
    public override async Task<ListDeliveriesResponse> ListDeliveries(ListDeliveriesRequest request, ServerCallContext context)
    {
        Guid? nominationId = request.NominationId.Length > 0 ? RequestFields.RequireId(request.NominationId, "nomination_id") : null;
        var batchId = request.BatchId.Length > 0 ? request.BatchId : null;
        var status = DeliveryMapping.FromApi(request.Status, "status");
        var caller = context.Caller();
        await access.CheckBatchAsync(caller, batchId, context.CancellationToken);
        var listed = await deliveries.ListAsync(nominationId, batchId, status, DeliveryAccess.OwnAddress(caller), context.CancellationToken);
        return new ListDeliveriesResponse { Deliveries = { listed.Select(d => d.ToApi()) } };
    }

    public override async Task<Api.Delivery> ResendDelivery(ResendDeliveryRequest request, ServerCallContext context)
    {
        var id = RequestFields.RequireId(request.DeliveryId, "delivery_id");
        await access.CheckBatchAsync(context.Caller(), await deliveries.BatchOfAsync(id, context.CancellationToken), context.CancellationToken);
        return (await deliveryCommands.ResendAsync(id, Activity.Current, context.CancellationToken)).ToApi();
    }
}
