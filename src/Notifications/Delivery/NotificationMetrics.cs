using System.Diagnostics.Metrics;

namespace Ksst.Notifications.Delivery;

/// <summary>Emails sent and failed, webhook deliveries and consumer lag, on the Ksst.Notifications meter.</summary>
internal sealed class NotificationMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Ksst.Notifications";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _webhooks;
    private readonly Histogram<double> _lag;

    public NotificationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("ksst.notifications.emails.sent", "{email}", "Emails the mail server accepted.");
        _failed = meter.CreateCounter<long>("ksst.notifications.emails.failed", "{attempt}", "Failed email attempts; outcome \"retry\" or \"dead\".");
        _webhooks = meter.CreateCounter<long>("ksst.notifications.webhooks.deliveries", "{attempt}", "Webhook delivery attempts by outcome: \"delivered\", \"retry\" or \"dead\".");
        _lag = meter.CreateHistogram<double>("ksst.notifications.consumer.lag", "s", "Time from an event's occurrence to its consumption.");
    }

    public void Sent() => _sent.Add(1);

    public void Failed(bool dead) => _failed.Add(1, new KeyValuePair<string, object?>("outcome", dead ? "dead" : "retry"));

    public void Webhook(string outcome) => _webhooks.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Consumed(string eventType, TimeSpan lag) =>
        _lag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("event", eventType));
}
