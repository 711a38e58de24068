using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Notifications.V1;
using Ksst.Notifications.Webhooks;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Notifications.V1;

using Ksst.Notifications.Access;
using Ksst.ServiceDefaults.Access;

namespace Ksst.Notifications;

/// <summary>The Notifications gRPC service; this part: webhook subscriptions.</summary>
internal sealed partial class NotificationsApi
{
    public override async Task<Api.WebhookSubscription> CreateWebhookSubscription(CreateWebhookSubscriptionRequest request, ServerCallContext context)
    {
        var batchId = request.BatchId.Length > 0 ? request.BatchId : null;
        await access.CheckWebhooksAsync(context.Caller(), batchId, context.CancellationToken);
        var subscription = await webhookCommands.CreateAsync(request.Url, request.EventTypes, request.Secret, batchId, context.CancellationToken);
        var created = subscription.ToApi();
        created.Secret = subscription.Secret; // Only in this answer.
        return created;
    }

    public override async Task<ListWebhookSubscriptionsResponse> ListWebhookSubscriptions(ListWebhookSubscriptionsRequest request, ServerCallContext context)
    {
        var batchId = request.BatchId.Length > 0 ? request.BatchId : null;
        await access.CheckBatchAsync(context.Caller(), batchId, context.CancellationToken);
        return new() { Subscriptions = { (await webhooks.ListSubscriptionsAsync(batchId, context.CancellationToken)).Select(s => s.ToApi()) } };
    }

    public override async Task<Empty> DeleteWebhookSubscription(DeleteWebhookSubscriptionRequest request, ServerCallContext context)
    {
        var subscriptionId = RequestFields.RequireId(request.SubscriptionId, "subscription_id");
        await access.CheckWebhooksAsync(context.Caller(), await webhooks.BatchOfSubscriptionAsync(subscriptionId, context.CancellationToken), context.CancellationToken);
        await webhookCommands.DeleteAsync(subscriptionId, context.CancellationToken);
        return new Empty();
    }

    public override async Task<ListWebhookDeliveriesResponse> ListWebhookDeliveries(ListWebhookDeliveriesRequest request, ServerCallContext context)
    {
        var subscriptionId = RequestFields.RequireId(request.SubscriptionId, "subscription_id");
        await access.CheckWebhooksAsync(context.Caller(), await webhooks.BatchOfSubscriptionAsync(subscriptionId, context.CancellationToken), context.CancellationToken);
        var listed = await webhooks.ListDeliveriesAsync(subscriptionId, context.CancellationToken);
        return new ListWebhookDeliveriesResponse { Deliveries = { listed.Select(d => d.ToApi()) } };
    }

    public override async Task<Api.WebhookDelivery> ResendWebhookDelivery(ResendWebhookDeliveryRequest request, ServerCallContext context)
    {
        var deliveryId = RequestFields.RequireId(request.DeliveryId, "delivery_id");
        await access.CheckWebhooksAsync(context.Caller(), await webhooks.BatchOfDeliveryAsync(deliveryId, context.CancellationToken), context.CancellationToken);
        return (await webhookCommands.ResendDeliveryAsync(deliveryId, Activity.Current, context.CancellationToken)).ToApi();
    }
}
