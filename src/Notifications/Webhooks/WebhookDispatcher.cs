using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ksst.Notifications.Data;
using Ksst.Notifications.Delivery;
using Ksst.Platform.Sqlite;
using Ksst.Platform.Tracing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ksst.Notifications.Webhooks;

/// <summary>
/// POSTs due webhook deliveries, signed (<see cref="WebhookSignature"/>), each claimed before it
/// is sent and recorded after (<see cref="DeliveryLifecycle"/>); a POST under way is not cancelled
/// by shutdown, only by <see cref="WebhookOptions.Timeout"/>. A 2xx answer is delivered; any other
/// answer or none is retried with backoff and jitter until the schedule ends (dead). A receiver
/// that refuses connections or cannot be reached pauses sending to it (<see cref="SendingPause"/>)
/// without spending attempts or counting towards disabling the subscription. Too many failed
/// attempts in a row disable the subscription, and its waiting deliveries are given up. Each POST
/// is traced in the trace of the event that caused it (<see cref="CausingTrace"/>).
/// </summary>
internal sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<RetrySchedule> retry, IOptions<WebhookOptions> options,
    SendingPauses pauses, NotificationMetrics metrics, WorkSignal<WebhookDelivery> signal, TimeProvider clock, ILogger<WebhookDispatcher> logger)
    : DueWorkLoop<WebhookDelivery>(signal, clock, logger)
{
    /// <summary>The named HttpClient webhooks are sent with (guarded connections, no redirects).</summary>
    public const string ClientName = "webhooks";

    private const int Batch = 50;

    private static readonly ActivitySource Source = new("Ksst.Notifications.Webhooks");

    protected override async Task<DateTimeOffset?> RunDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork<NotificationsDbContext>>();
        foreach (var orphan in await OpenClaims.SettleAsync(db.WebhookDeliveries, unitOfWork, ct))
        {
            metrics.Uncertain("webhook");
            LogUncertain(orphan.Id, orphan.ClaimedAt);
        }
        var receivers = (await db.WebhookSubscriptions.AsNoTracking().Select(s => new { s.Id, s.Url }).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => pauses.WebhookReceiver(s.Url));
        pauses.KeepOnly(receivers.Values);
        var now = Clock.GetUtcNow();
        var paused = Paused(receivers);
        var due = await db.WebhookDeliveries.AsNoTracking().WhereStatusIn(DeliveryLifecycle.Waiting)
            .Where(d => d.NextAttemptAt <= now && !paused.Contains(d.SubscriptionId))
            .OrderBy(d => d.NextAttemptAt).Select(d => new { d.Id, d.SubscriptionId }).Take(Batch).ToListAsync(ct);
        foreach (var item in due)
        {
            if (ct.IsCancellationRequested || !receivers.TryGetValue(item.SubscriptionId, out var receiver) || receiver.IsPaused)
            {
                continue;
            }
            var claimed = await ClaimAsync(db, unitOfWork, item.Id, ct);
            if (claimed is not var (delivery, subscription))
            {
                continue;
            }
            // Claimed: from here on the POST and its record are not cancelled by shutdown. A record
            // that fails ends the round (the claim is settled as uncertain by the next one).
            var outcome = await PostAsync(delivery, subscription);
            await unitOfWork.RunAsync(_ =>
            {
                Record(delivery, subscription, outcome);
                return Task.CompletedTask;
            }, CancellationToken.None);
            if (outcome.Result == SendResult.Away)
            {
                if (receiver.FoundAway(outcome.Detail!))
                {
                    LogReceiverAway(receiver.Receiver, outcome.Detail!);
                }
            }
            else if (receiver.FoundReachable() is { } away)
            {
                LogReceiverBack(receiver.Receiver, (int)away.TotalSeconds);
            }
        }

        // The next round: when the next delivery to a receiver that is not paused falls due, or the next probe.
        paused = Paused(receivers);
        var nextDue = await db.WebhookDeliveries.WhereStatusIn(DeliveryLifecycle.Waiting).Where(d => !paused.Contains(d.SubscriptionId))
            .OrderBy(d => d.NextAttemptAt).Select(d => (DateTimeOffset?)d.NextAttemptAt).FirstOrDefaultAsync(ct);
        var nextProbe = pauses.WebhookReceiversAway.Select(p => p.ProbeAt).Min();
        return nextDue is null ? nextProbe : nextProbe is null ? nextDue : (nextDue < nextProbe ? nextDue : nextProbe);
    }

    private static List<Guid> Paused(Dictionary<Guid, SendingPause> receivers) =>
        [.. receivers.Where(r => r.Value.IsPaused).Select(r => r.Key)];

    /// <summary>Claims a waiting delivery with its subscription; gives it up instead when the subscription is disabled.</summary>
    private async Task<(WebhookDelivery, WebhookSubscription)?> ClaimAsync(
        NotificationsDbContext db, UnitOfWork<NotificationsDbContext> unitOfWork, Guid id, CancellationToken ct) =>
        await unitOfWork.RunAsync<(WebhookDelivery, WebhookSubscription)?>(async _ =>
        {
            var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == id, ct);
            if (delivery is null || !DeliveryLifecycle.Waiting.Contains(delivery.Status))
            {
                return null; // Changed since the round began.
            }
            var subscription = await db.WebhookSubscriptions.SingleAsync(s => s.Id == delivery.SubscriptionId, ct);
            if (!subscription.Active)
            {
                DeliveryLifecycle.GiveUp(delivery, "The subscription is disabled.");
                metrics.Webhook("dead");
                return null;
            }
            DeliveryLifecycle.Claim(delivery, Clock.GetUtcNow());
            return (delivery, subscription);
        }, ct);

    private void Record(WebhookDelivery delivery, WebhookSubscription subscription, SendOutcome outcome)
    {
        var status = DeliveryLifecycle.Record(delivery, outcome, retry.Value, Clock.GetUtcNow(), Random.Shared);
        switch (outcome.Result)
        {
            case SendResult.Accepted:
                subscription.ConsecutiveFailures = 0;
                metrics.Webhook("delivered");
                break;
            case SendResult.Refused:
                metrics.Webhook(status == DeliveryStatus.Dead ? "dead" : "retry");
                if (++subscription.ConsecutiveFailures >= options.Value.DisableAfterFailures && subscription.Active)
                {
                    subscription.Active = false;
                    subscription.DisabledAt = Clock.GetUtcNow();
                    LogDisabled(subscription.Id, subscription.ConsecutiveFailures);
                }
                break;
            case SendResult.Unknown:
                metrics.Uncertain("webhook");
                LogUncertain(delivery.Id, delivery.ClaimedAt);
                break;
        }
    }

    /// <summary>POSTs the delivery, within its own time limit; traced in the event's trace.</summary>
    private async Task<SendOutcome> PostAsync(WebhookDelivery delivery, WebhookSubscription subscription)
    {
        // The HTTP client's span (and the traceparent the subscriber receives) hangs under this one.
        using var activity = Source.StartActivityFor("webhook send", ActivityKind.Internal, delivery);
        activity?.SetTag("ksst.webhook.delivery.id", delivery.Id);
        activity?.SetTag("ksst.webhook.subscription.id", subscription.Id);
        activity?.SetTag("ksst.event.type", delivery.EventType);
        var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Ksst-Webhook-Id", delivery.Id.ToString());
        request.Headers.Add("Ksst-Webhook-Event", delivery.EventType);
        request.Headers.Add("Ksst-Webhook-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Ksst-Webhook-Signature", WebhookSignature.Sign(subscription.Secret, timestamp, delivery.Body));
        using var limit = new CancellationTokenSource(options.Value.Timeout);
        try
        {
            using var response = await http.CreateClient(ClientName).SendAsync(request, limit.Token);
            return WebhookFailures.Answered((int)response.StatusCode);
        }
        catch (Exception ex)
        {
            var outcome = WebhookFailures.Classify(ex, limit.IsCancellationRequested);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity?.SetTag("ksst.send.result", outcome.Result.ToString());
            return outcome;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Webhook subscription {SubscriptionId} disabled after {Failures} failures in a row.")]
    private partial void LogDisabled(Guid subscriptionId, int failures);

    [LoggerMessage(LogLevel.Warning, "Webhook delivery {DeliveryId} (claimed {ClaimedAt}) is uncertain: its outcome was never recorded; it is not sent again unless resent.")]
    private partial void LogUncertain(Guid deliveryId, DateTimeOffset? claimedAt);

    [LoggerMessage(LogLevel.Warning, "The webhook receiver {Receiver} is away ({Reason}); sending to it is paused, no attempts are spent.")]
    private partial void LogReceiverAway(string receiver, string reason);

    [LoggerMessage(LogLevel.Information, "The webhook receiver {Receiver} is back after {Seconds} s; sending to it resumes.")]
    private partial void LogReceiverBack(string receiver, int seconds);
}
