using Ksst.Platform.Audit;

namespace Ksst.Notifications.Webhooks;

/// <summary>A system outside the stack that follows events over HTTP.</summary>
public sealed class WebhookSubscription
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; }

    /// <summary>Where deliveries are POSTed (http or https).</summary>
    public required string Url { get; init; }

    /// <summary>Exchange names of the events it wants (e.g. "ksst.registration.participant-accepted.v1"), or "*".</summary>
    public List<string> EventTypes { get; init; } = [];

    /// <summary>The batch whose events it receives; null for every batch's.</summary>
    public string? BatchId { get; init; }

    /// <summary>The shared secret deliveries are signed with.</summary>
    [Secret]
    public required string Secret { get; init; }

    /// <summary>False once too many deliveries in a row failed; no more are attempted.</summary>
    public bool Active { get; set; } = true;

    /// <summary>Failed attempts since the last success.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was disabled, if it was.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>True when it wants events published on <paramref name="exchange"/> about <paramref name="batchId"/>.</summary>
    public bool Wants(string exchange, string batchId) =>
        (BatchId is null || BatchId == batchId) && (EventTypes.Contains("*") || EventTypes.Contains(exchange));
}
