using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ksst.Notifications.Delivery;

/// <summary>
/// Degraded while sending to the mail server or to a webhook receiver is paused because it is
/// away: the service keeps recording notices, and they go out once the receiver is back.
/// </summary>
internal sealed class SendingHealthCheck(SendingPauses pauses) : IHealthCheck
{
    /// <summary>The check's name in the health report.</summary>
    public const string Name = "sending";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var away = new List<string>();
        if (pauses.MailServer.AwaySince is { } since)
        {
            away.Add(Describe("the mail server", pauses.MailServer, since));
        }
        away.AddRange(pauses.WebhookReceiversAway.Select(p => Describe("webhook receiver", p, p.AwaySince!.Value)));
        return Task.FromResult(away.Count == 0
            ? HealthCheckResult.Healthy("Sending.")
            : new HealthCheckResult(context.Registration.FailureStatus,
                $"Sending paused (waiting deliveries keep their attempts): {string.Join("; ", away)}."));
    }

    private static string Describe(string what, SendingPause pause, DateTimeOffset since) =>
        $"{what} {pause.Receiver} away since {since:u} ({pause.Reason}), tried again every {pause.Wait.TotalSeconds:0} s";
}
