using System.Net;

namespace Ksst.Notifications.Delivery;

/// <summary>Tells a participant their nomination was received, in English or Bahasa Indonesia.</summary>
public static class NominationReceivedMessage
{
    /// <summary>Renders the message for <paramref name="language"/> ("id" → Bahasa Indonesia, anything else → English).</summary>
    public static MailMessageContent Render(string language, string fullName, string batchId)
    {
        var (subject, greeting, body) = language == "id"
            ? ("Nominasi Anda telah diterima",
               $"Yth. {fullName},",
               $"Nominasi Anda untuk angkatan {batchId} program peningkatan kapasitas KSST telah kami terima. Kami akan memberi tahu Anda setelah panitia mengambil keputusan.")
            : ("Your nomination has been received",
               $"Dear {fullName},",
               $"We have received your nomination to batch {batchId} of the KSST capacity-building programme. We will write again once the organisers have decided.");
        var text = $"{greeting}\n\n{body}\n\nKSST Programme Secretariat\n";
        var html = $"<p>{WebUtility.HtmlEncode(greeting)}</p><p>{WebUtility.HtmlEncode(body)}</p><p>KSST Programme Secretariat</p>";
        return new MailMessageContent(subject, text, html);
    }
}
