using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Ksst.Notifications.Delivery;

/// <summary>The pauses of every receiver this service sends to: the mail server, and each webhook receiver (by scheme, host and port).</summary>
internal sealed class SendingPauses(TimeProvider clock, IOptions<PauseOptions> options, IOptions<MailOptions> mail)
{
    private readonly ConcurrentDictionary<string, SendingPause> _receivers = new();

    /// <summary>The mail server's.</summary>
    public SendingPause MailServer { get; } = new(ReceiverOf(mail.Value.Server), clock, options.Value);

    /// <summary>The pause of the webhook receiver at <paramref name="url"/>'s scheme, host and port.</summary>
    public SendingPause WebhookReceiver(string url)
    {
        return _receivers.GetOrAdd(ReceiverOf(new Uri(url)), r => new SendingPause(r, clock, options.Value));
    }

    /// <summary>Scheme, host and port of <paramref name="address"/>, without credentials or path.</summary>
    public static string ReceiverOf(Uri address) => $"{address.Scheme}://{address.Host}:{address.Port}";

    /// <summary>Forgets the receivers not in <paramref name="inUse"/> (their subscriptions were removed), so they are no longer reported away.</summary>
    public void KeepOnly(IEnumerable<SendingPause> inUse)
    {
        var kept = inUse.Select(p => p.Receiver).ToHashSet();
        foreach (var receiver in _receivers.Keys.Where(r => !kept.Contains(r)))
        {
            _receivers.TryRemove(receiver, out _);
        }
    }

    /// <summary>Webhook receivers that are away now.</summary>
    public IReadOnlyList<SendingPause> WebhookReceiversAway => [.. _receivers.Values.Where(p => p.AwaySince is not null).OrderBy(p => p.AwaySince)];
}
