using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Ksst.Notifications.Webhooks;

/// <summary>
/// The SSRF guard for webhooks: only http(s) URLs, and, unless configuration allows them, no
/// loopback, private, link-local, shared, multicast or unspecified addresses. The check is on
/// the addresses the host resolves to, both when a subscription is made and on every connection
/// (so a name re-pointed at an internal address later is still refused).
/// </summary>
public sealed class WebhookAddressGuard(IOptions<WebhookOptions> options)
{
    /// <summary>What is wrong with <paramref name="url"/> as a webhook target, or null.</summary>
    public async Task<string?> ProblemWithAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "Must be an absolute http or https URL.";
        }
        if (uri.UserInfo.Length > 0)
        {
            return "Must not carry credentials.";
        }
        try
        {
            return Refused(await ResolveAsync(uri.IdnHost, ct)) is { } refused ? $"Resolves to {refused}, {Because}" : null;
        }
        catch (SocketException)
        {
            return $"The host '{uri.Host}' does not resolve.";
        }
    }

    /// <summary>
    /// Connects to a webhook receiver, refusing disallowed addresses (a SocketsHttpHandler
    /// ConnectCallback); a connection not made within <see cref="WebhookOptions.ConnectTimeout"/>
    /// fails as a timed-out socket.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, ct);
        if (Refused(addresses) is { } refused)
        {
            throw new HttpRequestException($"Refused to connect to {refused}: {Because}");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.Value.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, limit.Token);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // No connection in time: the receiver is unreachable, as far as the sender can tell.
            socket.Dispose();
            throw new SocketException((int)SocketError.TimedOut);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True for addresses on the public internet.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || b[0] >= 224
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19));
        }
        var v6 = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (v6[0] & 0xFE) == 0xFC // fc00::/7 unique local
            || address.IsIPv4MappedToIPv6);
    }

    private string Because => options.Value.AllowPrivateNetworks ? "" : "a loopback or private address; webhooks go to public addresses only.";

    private string? Refused(IPAddress[] addresses) =>
        options.Value.AllowPrivateNetworks ? null : addresses.FirstOrDefault(a => !IsPublic(a))?.ToString();

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
}
