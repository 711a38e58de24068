namespace Ksst.Notifications.Delivery;

/// <summary>Where mail goes and who it comes from (section "Mail"; server from connection string "mail").</summary>
public sealed class MailOptions
{
    /// <summary>The SMTP server, e.g. "smtp://127.0.0.1:2525"; from ConnectionStrings:mail.</summary>
    public Uri Server { get; set; } = new("smtp://127.0.0.1:25");

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "KSST Programme Secretariat";

    /// <summary>User name for SMTP authentication; none when empty (as for smtp4dev).</summary>
    public string UserName { get; set; } = "";

    /// <summary>Password for SMTP authentication.</summary>
    public string Password { get; set; } = "";

    /// <summary>The sender's address.</summary>
    public string FromAddress { get; set; } = "secretariat@ksst.example.org";

    /// <summary>SMTP connections the dispatcher sends over at once, each kept open while mail is due.</summary>
    public int Connections { get; set; } = 4;

    /// <summary>
    /// How long sending one claimed message may take. A send under way is not cancelled when the
    /// service stops, only by this; keep it below the host's shutdown timeout (15 s).
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
