using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ksst.Notifications.Delivery;

/// <summary>Sends one message over SMTP with MailKit, traced as a client span.</summary>
internal sealed class SmtpMailer(IOptions<MailOptions> options)
{
    internal static readonly ActivitySource Source = new("Ksst.Notifications.Smtp");

    public async Task SendAsync(Guid deliveryId, string toName, string toAddress, MailMessageContent content, CancellationToken cancellationToken)
    {
        var mail = options.Value;
        using var activity = Source.StartActivity("smtp send", ActivityKind.Client);
        activity?.SetTag("server.address", mail.Server.Host);
        activity?.SetTag("server.port", mail.Server.Port);

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        message.To.Add(new MailboxAddress(toName, toAddress));
        message.Subject = content.Subject;
        // The delivery's id: a copy sent again after a crash between the send and its record can be recognised.
        message.MessageId = $"{deliveryId:N}@notifications.ksst";
        message.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();

        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(15).TotalMilliseconds };
        try
        {
            var security = mail.Server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
            await client.ConnectAsync(mail.Server.Host, mail.Server.Port, security, cancellationToken);
            if (mail.UserName.Length > 0)
            {
                await client.AuthenticateAsync(mail.UserName, mail.Password, cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
