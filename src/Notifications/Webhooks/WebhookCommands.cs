using System.Diagnostics;
using System.Security.Cryptography;
using Ksst.Contracts.Events;
using Ksst.Notifications.Data;
using Ksst.Notifications.Delivery;
using Ksst.Platform.Sqlite;
using Ksst.Platform.Tracing;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Notifications.Webhooks;

/// <summary>Subscribing a URL to events, removing a subscription, and resending a delivery.</summary>
internal sealed class WebhookCommands(
    NotificationsDbContext db, UnitOfWork<NotificationsDbContext> unitOfWork, WebhookAddressGuard guard, WorkSignal<WebhookDelivery> hooks, TimeProvider clock)
{
    /// <summary>The shortest secret a caller may choose.</summary>
    public const int MinSecretLength = 16;

    /// <summary>
    /// Subscribes <paramref name="url"/> to <paramref name="eventTypes"/> (exchange names or "*"),
    /// signed with <paramref name="secret"/> or, when it is empty, a generated one, for the events
    /// of <paramref name="batchId"/> only (null: every batch's). The URL is checked (scheme,
    /// credentials, the addresses it resolves to) before anything is written.
    /// </summary>
    public async Task<WebhookSubscription> CreateAsync(string url, IReadOnlyCollection<string> eventTypes, string secret, string? batchId, CancellationToken ct)
    {
        var violations = new FieldViolations()
            .AddIf(eventTypes.Count == 0, "event_types", "At least one exchange name, or \"*\".")
            .AddIf(secret.Length is > 0 and < MinSecretLength, "secret", $"At least {MinSecretLength} characters, or empty to have one generated.");
        foreach (var unknown in eventTypes.Where(t => t != "*" && !IntegrationEvents.ByExchange.ContainsKey(t)))
        {
            violations.Add("event_types", $"'{unknown}' is not an event exchange (see docs/events.md).");
        }
        // Resolving the host is a network call: before the unit of work.
        if (await guard.ProblemWithAsync(url, ct) is { } problem)
        {
            violations.Add("url", problem);
        }
        violations.ThrowIfAny();

        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            Url = url,
            EventTypes = [.. eventTypes.Distinct()],
            BatchId = batchId,
            Secret = secret.Length > 0 ? secret : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            CreatedAt = clock.GetUtcNow(),
        };
        await unitOfWork.RunAsync(_ =>
        {
            db.WebhookSubscriptions.Add(subscription);
            return Task.CompletedTask;
        }, ct);
        return subscription;
    }

    /// <summary>Removes a subscription with its deliveries.</summary>
    public Task DeleteAsync(Guid subscriptionId, CancellationToken ct) =>
        unitOfWork.RunAsync(async _ =>
        {
            var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId, ct)
                ?? throw RpcErrors.NotFound("webhook subscription", subscriptionId.ToString());
            db.WebhookSubscriptions.Remove(subscription);
        }, ct);

    /// <summary>
    /// Puts a dead or uncertain webhook delivery back in the queue from a fresh retry schedule,
    /// in the trace of <paramref name="cause"/> (the resend call). A delivery of a disabled
    /// subscription, or one that is waiting, being sent or sent, is FAILED_PRECONDITION.
    /// </summary>
    public Task<WebhookDelivery> ResendDeliveryAsync(Guid deliveryId, Activity? cause, CancellationToken ct) =>
        unitOfWork.RunAsync(async after =>
        {
            var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, ct)
                ?? throw RpcErrors.NotFound("webhook delivery", deliveryId.ToString());
            if (!DeliveryLifecycle.CanResend(delivery.Status))
            {
                throw DeliveryCommands.NotResendable($"webhook-deliveries/{deliveryId}", delivery.Status);
            }
            if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == delivery.SubscriptionId && s.Active, ct))
            {
                throw RpcErrors.FailedPrecondition("SUBSCRIPTION_DISABLED", $"webhooks/{delivery.SubscriptionId}",
                    "The subscription was disabled after too many failures in a row; subscribe again to receive events.");
            }
            DeliveryLifecycle.Resend(delivery, clock.GetUtcNow());
            delivery.RetracedBy(cause);
            after.Then(hooks.Notify);
            return delivery;
        }, ct);
}
