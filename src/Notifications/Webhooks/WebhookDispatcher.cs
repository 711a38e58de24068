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
/// POSTs due webhook deliveries, signed (<see cref="WebhookSignature"/>). A 2xx answer is
/// delivered; anything else is retried with backoff and jitter until the schedule ends (dead).
/// Too many failures in a row disable the subscription and end its waiting deliveries. Each POST
/// is traced in the trace of the event that caused it (<see cref="CausingTrace"/>).
/// </summary>
internal sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<RetrySchedule> retry, IOptions<WebhookOptions> options,
    NotificationMetrics metrics, WorkSignal<WebhookDelivery> signal, TimeProvider clock, ILogger<WebhookDispatcher> logger)
    : DueWorkLoop<WebhookDelivery>(signal, clock, logger)
{
    /// <summary>The named HttpClient webhooks are sent with (guarded connections, no redirects).</summary>
    public const string ClientName = "webhooks";

    private static readonly ActivitySource Source = new("Ksst.Notifications.Webhooks");

    protected override async Task<DateTimeOffset?> RunDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork<NotificationsDbContext>>();
        var now = Clock.GetUtcNow();
        var due = await Waiting(db).Where(d => d.NextAttemptAt <= now).OrderBy(d => d.NextAttemptAt).Take(50).ToListAsync(ct);
        foreach (var delivery in due)
        {
            var subscription = await db.WebhookSubscriptions.SingleAsync(s => s.Id == delivery.SubscriptionId, ct);
            // The POST happens outside the unit of work; its outcome (tracked changes) is saved in one.
            await SendAsync(delivery, subscription, ct);
            await unitOfWork.RunAsync(_ => Task.CompletedTask, CancellationToken.None);
        }
        return await Waiting(db).OrderBy(d => d.NextAttemptAt).Select(d => (DateTimeOffset?)d.NextAttemptAt).FirstOrDefaultAsync(ct);
    }

    private static IQueryable<WebhookDelivery> Waiting(NotificationsDbContext db) =>
        db.WebhookDeliveries.Where(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Failed);

    private async Task SendAsync(WebhookDelivery delivery, WebhookSubscription subscription, CancellationToken ct)
    {
        if (!subscription.Active)
        {
            delivery.Status = DeliveryStatus.Dead;
            delivery.LastError = "The subscription is disabled.";
            return;
        }
        delivery.Attempts++;
        var error = await PostAsync(delivery, subscription, ct);
        if (error is null)
        {
            delivery.Status = DeliveryStatus.Sent;
            delivery.SentAt = Clock.GetUtcNow();
            delivery.LastError = null;
            subscription.ConsecutiveFailures = 0;
            metrics.Webhook("delivered");
            return;
        }
        var dead = retry.Value.IsExhausted(delivery.Attempts);
        delivery.Status = dead ? DeliveryStatus.Dead : DeliveryStatus.Failed;
        delivery.LastError = error;
        delivery.NextAttemptAt = Clock.GetUtcNow() + retry.Value.Backoff(delivery.Attempts, Random.Shared);
        metrics.Webhook(dead ? "dead" : "retry");
        if (++subscription.ConsecutiveFailures >= options.Value.DisableAfterFailures)
        {
            subscription.Active = false;
            subscription.DisabledAt = Clock.GetUtcNow();
            LogDisabled(subscription.Id, subscription.ConsecutiveFailures);
        }
    }

    /// <summary>Null when the receiver answered 2xx; otherwise what went wrong. Traced in the event's trace.</summary>
    private async Task<string?> PostAsync(WebhookDelivery delivery, WebhookSubscription subscription, CancellationToken ct)
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
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await http.CreateClient(ClientName).SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    [LoggerMessage(LogLevel.Warning, "Webhook subscription {SubscriptionId} disabled after {Failures} failures in a row.")]
    private partial void LogDisabled(Guid subscriptionId, int failures);
}
