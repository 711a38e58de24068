using Microsoft.Extensions.Options;

namespace Ksst.Notifications.Delivery;

/// <summary>Opens SMTP sessions to the configured server.</summary>
internal sealed class SmtpMailer(IOptions<MailOptions> options)
{
    /// <summary>A session that connects on its first send and keeps the connection for the next ones.</summary>
    public SmtpSession OpenSession() => new(options.Value);
}
