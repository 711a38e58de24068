using System.Net.Sockets;
using Ksst.Notifications.Delivery;
using Ksst.Notifications.Webhooks;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Ksst.UnitTests.Notifications;

/// <summary>
/// When a failed send is the delivery's own (an attempt spent), means the receiver is away (the
/// pause, nothing spent) or leaves the outcome unknown (uncertain), for SMTP and webhooks.
/// </summary>
public sealed class SendFailuresTests
{
    public static TheoryData<Exception, bool, SendResult> SmtpFailuresSeen => new()
    {
        // The server answered about this message: its own failure.
        { new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "Recipient rejected"), false, SendResult.Refused },
        { new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy, "Greylisted"), false, SendResult.Refused },
        { new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "Spam"), true, SendResult.Refused },
        { new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxNameNotAllowed, "No"), false, SendResult.Refused },
        { new FormatException("bad template"), false, SendResult.Refused },
        // The server is closing, cannot be reached or refuses us: away.
        { new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ServiceNotAvailable, "Shutting down"), true, SendResult.Away },
        { new SocketException((int)SocketError.ConnectionRefused), false, SendResult.Away },
        { new SocketException((int)SocketError.HostUnreachable), false, SendResult.Away },
        { new AuthenticationException("535"), false, SendResult.Away },
        { new SmtpProtocolException("The SMTP server has unexpectedly disconnected."), false, SendResult.Away },
        { new IOException("Connection reset by peer"), false, SendResult.Away },
        { new OperationCanceledException(), false, SendResult.Away },
        { new ServiceNotConnectedException(), false, SendResult.Away },
        // The connection failed once the message was being written: it may have arrived.
        { new SmtpProtocolException("The SMTP server has unexpectedly disconnected."), true, SendResult.Unknown },
        { new IOException("Connection reset by peer"), true, SendResult.Unknown },
        { new OperationCanceledException(), true, SendResult.Unknown },
        { new TimeoutException(), true, SendResult.Unknown },
    };

    [Theory]
    [MemberData(nameof(SmtpFailuresSeen))]
    public void An_SMTP_failure_is_the_message_s_own_the_server_away_or_unknown(Exception failure, bool handedOver, SendResult expected) =>
        Assert.Equal(expected, SmtpFailures.Classify(failure, handedOver).Result);

    [Fact]
    public void An_SMTP_refusal_is_described_by_its_codes_without_the_server_s_text()
    {
        var outcome = SmtpFailures.Classify(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable,
            new MimeKit.MailboxAddress("Ayesha", "ayesha@ksst-test.example"), "5.1.1 <ayesha@ksst-test.example>: unknown user"), handedOver: false);
        Assert.Equal("SMTP 550 (MailboxUnavailable) to RecipientNotAccepted", outcome.Detail);
    }

    public static TheoryData<Exception, SendResult> HttpFailuresSeen => new()
    {
        { new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:9)", new SocketException((int)SocketError.ConnectionRefused)), SendResult.Away },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known", new SocketException((int)SocketError.HostNotFound)), SendResult.Away },
        { new HttpRequestException("connect", new SocketException((int)SocketError.TimedOut)), SendResult.Away },
        // The SSRF guard's refusal is the subscription's problem, not an outage.
        { new HttpRequestException("Refused to connect to 10.0.0.5: a loopback or private address"), SendResult.Refused },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."), SendResult.Refused },
        { new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset)), SendResult.Refused },
    };

    [Theory]
    [MemberData(nameof(HttpFailuresSeen))]
    public void A_webhook_receiver_refusing_or_unreachable_is_away_and_anything_else_spends_an_attempt(Exception failure, SendResult expected) =>
        Assert.Equal(expected, WebhookFailures.Classify(failure, timedOut: false).Result);

    [Theory]
    [InlineData(200, SendResult.Accepted)]
    [InlineData(204, SendResult.Accepted)]
    [InlineData(301, SendResult.Refused)]
    [InlineData(410, SendResult.Refused)]
    [InlineData(503, SendResult.Refused)]
    public void A_webhook_answer_other_than_2xx_spends_an_attempt(int status, SendResult expected) =>
        Assert.Equal(expected, WebhookFailures.Answered(status).Result);

    [Fact]
    public void A_webhook_receiver_silent_past_the_time_limit_spends_an_attempt() =>
        Assert.Equal(SendResult.Refused, WebhookFailures.Classify(new TaskCanceledException(), timedOut: true).Result);
}
