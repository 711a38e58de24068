using System.Diagnostics;
using Ksst.Platform.Tracing;
using Ksst.ServiceDefaults.Calls;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Ksst.Notifications.Delivery;

/// <summary>
/// One SMTP connection (MailKit) used for several messages in turn, each send traced as a client
/// span in its delivery's trace (<see cref="CausingTrace"/>). It connects (and authenticates) on
/// first use, and after a failed send drops the connection so the next send starts from a clean one.
/// </summary>
internal sealed class SmtpSession(MailOptions mail) : IAsyncDisposable
{
    internal static readonly ActivitySource Source = new("Ksst.Notifications.Smtp");
    private readonly SmtpClient _client = new() { Timeout = (int)TimeSpan.FromSeconds(15).TotalMilliseconds };

    /// <summary>
    /// Sends one delivery's message, in the trace of what caused the delivery; its Message-Id is
    /// the delivery's id. The span names the delivery and template, never the recipient.
    /// </summary>
    public async Task SendAsync(Delivery delivery, MailMessageContent content, CancellationToken cancellationToken)
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
        // The delivery's id: a copy sent again after a crash between the send and its record can be recognised.
        message.MessageId = $"{delivery.Id:N}@notifications.ksst";
        message.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();
        try
        {
            if (!_client.IsConnected)
            {
                var security = mail.Server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
                await _client.ConnectAsync(mail.Server.Host, mail.Server.Port, security, cancellationToken);
                if (mail.UserName.Length > 0)
                {
                    await _client.AuthenticateAsync(mail.UserName, mail.Password, cancellationToken);
                }
            }
            await _client.SendAsync(message, cancellationToken);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            await DisconnectAsync();
            throw;
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
}
