namespace Ksst.Notifications.Webhooks;

/// <summary>Webhook settings (section "Notifications:Webhooks").</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// Allow subscriptions to loopback and private addresses. Off by default: a subscriber must
    /// not be able to make this service call into the internal network (SSRF).
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Failed attempts in a row after which a subscription is disabled.</summary>
    public int DisableAfterFailures { get; set; } = 10;

    /// <summary>How long connecting to a receiver may take; a receiver not answering by then is away (see <see cref="WebhookFailures"/>).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one POST may take, connecting included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
