using System.Diagnostics.Metrics;

namespace Ksst.Notifications.Delivery;

/// <summary>
/// Emails sent and failed, uncertain deliveries, webhook deliveries, paused receivers and consumer
/// lag, on the Ksst.Notifications meter.
/// </summary>
internal sealed class NotificationMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Ksst.Notifications";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _uncertain;
    private readonly Counter<long> _webhooks;
    private readonly Histogram<double> _lag;

    public NotificationMetrics(IMeterFactory meters, SendingPauses pauses)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("ksst.notifications.emails.sent", "{email}", "Emails the mail server accepted.");
        _failed = meter.CreateCounter<long>("ksst.notifications.emails.failed", "{attempt}", "Email attempts the mail server refused; outcome \"retry\" or \"dead\".");
        _uncertain = meter.CreateCounter<long>("ksst.notifications.deliveries.uncertain", "{delivery}",
            "Deliveries handed over whose outcome is unknown (channel \"email\" or \"webhook\"); they wait for an operator's resend.");
        _webhooks = meter.CreateCounter<long>("ksst.notifications.webhooks.deliveries", "{attempt}", "Webhook delivery attempts by outcome: \"delivered\", \"retry\" or \"dead\".");
        _lag = meter.CreateHistogram<double>("ksst.notifications.consumer.lag", "s", "Time from an event's occurrence to its consumption.");
        meter.CreateObservableGauge("ksst.notifications.sending.paused", () => new[]
        {
            new Measurement<int>(pauses.MailServer.AwaySince is null ? 0 : 1, new KeyValuePair<string, object?>("receiver", "mail-server")),
            new Measurement<int>(pauses.WebhookReceiversAway.Count, new KeyValuePair<string, object?>("receiver", "webhook")),
        }, "{receiver}", "Receivers away, to which sending is paused: the mail server (0 or 1) and webhook receivers.");
    }

    public void Sent() => _sent.Add(1);

    public void Failed(bool dead) => _failed.Add(1, new KeyValuePair<string, object?>("outcome", dead ? "dead" : "retry"));

    public void Uncertain(string channel) => _uncertain.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void Webhook(string outcome) => _webhooks.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Consumed(string eventType, TimeSpan lag) =>
        _lag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("event", eventType));
}
