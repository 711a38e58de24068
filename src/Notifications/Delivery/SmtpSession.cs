using System.Diagnostics;
using Ksst.Platform.Tracing;
using Ksst.ServiceDefaults.Calls;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Ksst.Notifications.Delivery;

/// <summary>
/// One SMTP connection (MailKit) used for several messages in turn, each send traced as a client
/// span in its delivery's trace (<see cref="CausingTrace"/>). It connects (and authenticates)
/// before the first send, and after a failed send drops the connection so the next send starts
/// from a clean one. Neither may happen inside a unit of work (<see cref="NetworkCalls"/>).
/// </summary>
internal sealed class SmtpSession(MailOptions mail) : IAsyncDisposable
{
    internal static readonly ActivitySource Source = new("Ksst.Notifications.Smtp");
    private readonly SmtpClient _client = new() { Timeout = (int)TimeSpan.FromSeconds(15).TotalMilliseconds };

    /// <summary>Connects and authenticates unless connected; throws what MailKit throws (see <see cref="SmtpFailures"/>).</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        NetworkCalls.EnsureAllowed("SMTP server");
        if (_client.IsConnected)
        {
            return;
        }
        try
        {
            var security = mail.Server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
            await _client.ConnectAsync(mail.Server.Host, mail.Server.Port, security, cancellationToken);
            if (mail.UserName.Length > 0)
            {
                await _client.AuthenticateAsync(mail.UserName, mail.Password, cancellationToken);
            }
        }
        catch
        {
            await DisconnectAsync();
            throw;
        }
    }

    /// <summary>
    /// Sends one delivery's message, in the trace of what caused the delivery; its Message-Id is
    /// the delivery's id (a copy sent again after an uncertain send can be recognised). The span
    /// names the delivery and template, never the recipient. Returns how it ended; whether the
    /// message had been handed over when a connection failed decides between away and unknown.
    /// </summary>
    public async Task<SendOutcome> SendAsync(Delivery delivery, MailMessageContent content, CancellationToken cancellationToken)
    {
        NetworkCalls.EnsureAllowed("SMTP server");
        using var activity = Source.StartActivityFor("smtp send", ActivityKind.Client, delivery);
        activity?.SetTag("server.address", mail.Server.Host);
        activity?.SetTag("server.port", mail.Server.Port);
        activity?.SetTag("ksst.delivery.id", delivery.Id);
        activity?.SetTag("ksst.delivery.template", delivery.Template);

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        message.To.Add(new MailboxAddress(delivery.ToName, delivery.ToAddress));
        message.Subject = content.Subject;
        message.MessageId = $"{delivery.Id:N}@notifications.ksst";
        message.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();
        var handover = new Handover();
        try
        {
            await ConnectAsync(cancellationToken);
            await _client.SendAsync(message, cancellationToken, handover);
            return SendOutcome.Accepted;
        }
        catch (Exception ex)
        {
            var outcome = SmtpFailures.Classify(ex, handover.Started);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity?.SetTag("ksst.send.result", outcome.Result.ToString());
            await DisconnectAsync();
            return outcome;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        _client.Dispose();
    }

    private async Task DisconnectAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            // The connection is gone either way.
        }
    }

    /// <summary>Notices the message's data being written: from then on the server may have it.</summary>
    private sealed class Handover : ITransferProgress
    {
        public bool Started { get; private set; }

        public void Report(long bytesTransferred, long totalSize) => Started = true;

        public void Report(long bytesTransferred) => Started = true;
    }
}
