using Google.Protobuf.WellKnownTypes;
using Ksst.Notifications.Delivery;
using Api = Ksst.Contracts.Notifications.V1;

namespace Ksst.Notifications.Webhooks;

/// <summary>Webhook subscriptions and deliveries as the API shows them.</summary>
internal static class WebhookMapping
{
    /// <summary>The API's form of a subscription, without its secret.</summary>
    public static Api.WebhookSubscription ToApi(this WebhookSubscription s) => new()
    {
        SubscriptionId = s.Id.ToString(), Url = s.Url, EventTypes = { s.EventTypes }, Active = s.Active,
        ConsecutiveFailures = s.ConsecutiveFailures, CreatedAt = Timestamp.FromDateTimeOffset(s.CreatedAt), BatchId = s.BatchId ?? "",
    };

    /// <summary>The API's form of a webhook delivery.</summary>
    public static Api.WebhookDelivery ToApi(this WebhookDelivery d) => new()
    {
        DeliveryId = d.Id.ToString(), EventId = d.EventId.ToString(), EventType = d.EventType,
        Status = d.Status.ToApi(), Attempts = d.Attempts, LastError = d.LastError ?? "",
        SentAt = d.SentAt is { } sent ? Timestamp.FromDateTimeOffset(sent) : null,
        ClaimedAt = d.ClaimedAt is { } claimed ? Timestamp.FromDateTimeOffset(claimed) : null,
        NextAttemptAt = DeliveryMapping.NextAttemptOf(d),
    };
}
