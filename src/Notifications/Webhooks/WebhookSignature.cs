using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ksst.Notifications.Webhooks;

/// <summary>
/// The signature of a webhook delivery (docs/webhooks.md): the header Ksst-Webhook-Signature is
/// "v1=" followed by the lowercase hex HMAC-SHA256, keyed with the subscription's secret (UTF-8),
/// of the string "{timestamp}.{body}", where timestamp is the Ksst-Webhook-Timestamp header
/// (Unix seconds) and body the raw request body.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The Ksst-Webhook-Signature value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}"));
        return "v1=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>True when <paramref name="signature"/> is right (compared in constant time).</summary>
    public static bool Verify(string secret, long timestamp, string body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
