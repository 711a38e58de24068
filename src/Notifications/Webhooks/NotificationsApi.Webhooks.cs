using System.Security.Cryptography;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Events;
using Ksst.Contracts.Notifications.V1;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Notifications.V1;

namespace Ksst.Notifications;

/// <summary>The Notifications gRPC service; this part: webhook subscriptions.</summary>
internal sealed partial class NotificationsApi
{
    public override async Task<Api.WebhookSubscription> CreateWebhookSubscription(CreateWebhookSubscriptionRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var violations = new FieldViolations()
            .AddIf(request.EventTypes.Count == 0, "event_types", "At least one exchange name, or \"*\".")
            .AddIf(request.Secret.Length is > 0 and < 16, "secret", "At least 16 characters, or empty to have one generated.");
        foreach (var unknown in request.EventTypes.Where(t => t != "*" && !IntegrationEvents.ByExchange.ContainsKey(t)))
        {
            violations.Add("event_types", $"'{unknown}' is not an event exchange (see docs/events.md).");
        }
        if (await guard.ProblemWithAsync(request.Url, ct) is { } problem)
        {
            violations.Add("url", problem);
        }
        violations.ThrowIfAny();

        var subscription = new Webhooks.WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            Url = request.Url,
            EventTypes = [.. request.EventTypes.Distinct()],
            Secret = request.Secret.Length > 0 ? request.Secret : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            CreatedAt = clock.GetUtcNow(),
        };
        using (await gate.EnterAsync(ct))
        {
            db.WebhookSubscriptions.Add(subscription);
            await db.SaveChangesAsync(ct);
        }
        var created = ToApi(subscription);
        created.Secret = subscription.Secret;
        return created;
    }

    public override async Task<ListWebhookSubscriptionsResponse> ListWebhookSubscriptions(ListWebhookSubscriptionsRequest request, ServerCallContext context) =>
        new() { Subscriptions = { (await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(context.CancellationToken)).Select(ToApi) } };

    public override async Task<Empty> DeleteWebhookSubscription(DeleteWebhookSubscriptionRequest request, ServerCallContext context)
    {
        var id = RequestFields.RequireId(request.SubscriptionId, "subscription_id");
        using (await gate.EnterAsync(context.CancellationToken))
        {
            var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, context.CancellationToken)
                ?? throw RpcErrors.NotFound("webhook subscription", id.ToString());
            db.WebhookSubscriptions.Remove(subscription);
            await db.SaveChangesAsync(context.CancellationToken);
        }
        return new Empty();
    }

    public override async Task<ListWebhookDeliveriesResponse> ListWebhookDeliveries(ListWebhookDeliveriesRequest request, ServerCallContext context)
    {
        var id = RequestFields.RequireId(request.SubscriptionId, "subscription_id");
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, context.CancellationToken))
        {
            throw RpcErrors.NotFound("webhook subscription", id.ToString());
        }
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id)
            .OrderByDescending(d => d.CreatedAt).Take(500).ToListAsync(context.CancellationToken);
        return new ListWebhookDeliveriesResponse
        {
            Deliveries =
            {
                deliveries.Select(d => new Api.WebhookDelivery
                {
                    DeliveryId = d.Id.ToString(), EventId = d.EventId.ToString(), EventType = d.EventType,
                    Status = (Api.DeliveryStatus)(int)d.Status, Attempts = d.Attempts, LastError = d.LastError ?? "",
                    SentAt = d.SentAt is { } sent ? Timestamp.FromDateTimeOffset(sent) : null,
                }),
            },
        };
    }

    private static Api.WebhookSubscription ToApi(Webhooks.WebhookSubscription s) => new()
    {
        SubscriptionId = s.Id.ToString(), Url = s.Url, EventTypes = { s.EventTypes }, Active = s.Active,
        ConsecutiveFailures = s.ConsecutiveFailures, CreatedAt = Timestamp.FromDateTimeOffset(s.CreatedAt),
    };
}
