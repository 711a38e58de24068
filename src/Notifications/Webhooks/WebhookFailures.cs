using System.Net.Sockets;
using Ksst.Notifications.Delivery;

namespace Ksst.Notifications.Webhooks;

/// <summary>
/// What a webhook POST's failure means. A receiver that refuses the connection, cannot be
/// reached or whose name does not resolve is away: nothing was handed over, no attempt is spent
/// and sending to it pauses. Any answer other than 2xx, no answer in time (receivers de-duplicate
/// on the event id, see docs/webhooks.md) and other failures (a refused address, a broken
/// response) are the delivery's own failure and spend an attempt.
/// </summary>
public static class WebhookFailures
{
    private static readonly SocketError[] Away =
    [
        SocketError.ConnectionRefused, SocketError.HostUnreachable, SocketError.NetworkUnreachable, SocketError.NetworkDown,
        SocketError.HostDown, SocketError.HostNotFound, SocketError.TryAgain, SocketError.NoData, SocketError.TimedOut,
    ];

    /// <summary>The outcome of a POST the receiver answered with <paramref name="statusCode"/>.</summary>
    public static SendOutcome Answered(int statusCode) =>
        statusCode is >= 200 and < 300 ? SendOutcome.Accepted : SendOutcome.Refused($"HTTP {statusCode}");

    /// <summary>The outcome of a POST that threw <paramref name="exception"/>; <paramref name="timedOut"/> when it was the POST's own time limit.</summary>
    public static SendOutcome Classify(Exception exception, bool timedOut) =>
        ConnectFailure(exception) is { } socket ? SendOutcome.Away($"{socket.SocketErrorCode}: {socket.Message}")
        : timedOut ? SendOutcome.Refused("No answer in time.")
        : SendOutcome.Refused(SendOutcome.Describe(exception));

    /// <summary>The socket error, somewhere among <paramref name="exception"/>'s causes, that kept the connection from being made.</summary>
    private static SocketException? ConnectFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket && Away.Contains(socket.SocketErrorCode))
            {
                return socket;
            }
        }
        return null;
    }
}
