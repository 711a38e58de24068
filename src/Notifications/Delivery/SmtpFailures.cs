using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Ksst.Notifications.Delivery;

/// <summary>
/// What a failed SMTP send means. An answer refusing this message (a 4xx or 5xx to MAIL, RCPT or
/// the data) is the delivery's own failure and spends an attempt, except 421, the server closing
/// (the server is away). Failing to connect or to authenticate, or a connection that broke or went
/// silent before the message was written, means the server is away: no attempt is spent and
/// sending pauses. A connection that broke or went silent after the message was written leaves
/// it unknown whether the server took it. Anything else (a message that cannot be built) is the
/// delivery's own failure. Details name status codes and exception types, never an address.
/// </summary>
public static class SmtpFailures
{
    /// <summary>The outcome of a send that threw <paramref name="exception"/>; <paramref name="handedOver"/> when the message's data had started to go out.</summary>
    public static SendOutcome Classify(Exception exception, bool handedOver) => exception switch
    {
        SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable } command => SendOutcome.Away(Answer(command)),
        SmtpCommandException command => SendOutcome.Refused(Answer(command)),
        AuthenticationException or ServiceNotAuthenticatedException => SendOutcome.Away($"authentication failed ({exception.GetType().Name})"),
        _ when IsConnectionFailure(exception) => handedOver ? SendOutcome.Unknown(SendOutcome.Describe(exception)) : SendOutcome.Away(SendOutcome.Describe(exception)),
        _ => SendOutcome.Refused(SendOutcome.Describe(exception)),
    };

    /// <summary>True for failures of the connection itself rather than answers of the server.</summary>
    public static bool IsConnectionFailure(Exception exception) =>
        exception is IOException or SocketException or SmtpProtocolException or SslHandshakeException
            or TimeoutException or OperationCanceledException or ServiceNotConnectedException;

    private static string Answer(SmtpCommandException command) =>
        $"SMTP {(int)command.StatusCode} ({command.StatusCode}) to {command.ErrorCode}";
}
