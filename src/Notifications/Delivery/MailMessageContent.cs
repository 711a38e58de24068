namespace Ksst.Notifications.Delivery;

/// <summary>A rendered message: subject, plain text and HTML.</summary>
public sealed record MailMessageContent(string Subject, string Text, string Html);
