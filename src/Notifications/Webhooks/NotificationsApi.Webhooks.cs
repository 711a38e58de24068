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
        DeliveryAccess.CheckWebhooks(context.Caller());
        var subscription = await webhookCommands.CreateAsync(request.Url, request.EventTypes, request.Secret, context.CancellationToken);
        var created = subscription.ToApi();
        created.Secret = subscription.Secret; // Only in this answer.
        return created;
    }

    public override async Task<ListWebhookSubscriptionsResponse> ListWebhookSubscriptions(ListWebhookSubscriptionsRequest request, ServerCallContext context)
    {
        DeliveryAccess.CheckWebhooks(context.Caller());
        return new() { Subscriptions = { (await webhooks.ListSubscriptionsAsync(context.CancellationToken)).Select(s => s.ToApi()) } };
    }

    public override async Task<Empty> DeleteWebhookSubscription(DeleteWebhookSubscriptionRequest request, ServerCallContext context)
    {
        DeliveryAccess.CheckWebhooks(context.Caller());
        await webhookCommands.DeleteAsync(RequestFields.RequireId(request.SubscriptionId, "subscription_id"), context.CancellationToken);
        return new Empty();
    }

    public override async Task<ListWebhookDeliveriesResponse> ListWebhookDeliveries(ListWebhookDeliveriesRequest request, ServerCallContext context)
    {
        DeliveryAccess.CheckWebhooks(context.Caller());
        var listed = await webhooks.ListDeliveriesAsync(RequestFields.RequireId(request.SubscriptionId, "subscription_id"), context.CancellationToken);
        return new ListWebhookDeliveriesResponse { Deliveries = { listed.Select(d => d.ToApi()) } };
    }

    public override async Task<Api.WebhookDelivery> ResendWebhookDelivery(ResendWebhookDeliveryRequest request, ServerCallContext context)
    {
        DeliveryAccess.CheckWebhooks(context.Caller());
        return (await webhookCommands.ResendDeliveryAsync(RequestFields.RequireId(request.DeliveryId, "delivery_id"), Activity.Current, context.CancellationToken)).ToApi();
    }
}
