namespace Ksst.Notifications.Delivery;

/// <summary>How one handing-over of a claimed delivery to its receiver (mail server, webhook receiver) ended.</summary>
public enum SendResult
{
    /// <summary>The receiver took it.</summary>
    Accepted,
    /// <summary>The receiver refused this delivery (an SMTP rejection, an HTTP error answer): an attempt spent.</summary>
    Refused,
    /// <summary>
    /// The receiver could not be reached or refuses everything (connection refused, no route, the
    /// server closing): nothing was handed over and no attempt is spent; sending to it pauses.
    /// </summary>
    Away,
    /// <summary>It was handed over but no answer came (the connection broke or timed out after the message was written): it may have arrived.</summary>
    Unknown,
}

/// <summary>The result of a send and, unless accepted, what went wrong (for operators; no personal data).</summary>
/// <param name="Result">How it ended.</param>
/// <param name="Detail">What went wrong; null when accepted.</param>
public sealed record SendOutcome(SendResult Result, string? Detail = null)
{
    /// <summary>The receiver took it.</summary>
    public static readonly SendOutcome Accepted = new(SendResult.Accepted);

    /// <summary>The receiver refused it because of <paramref name="detail"/>.</summary>
    public static SendOutcome Refused(string detail) => new(SendResult.Refused, detail);

    /// <summary>The receiver was away (<paramref name="detail"/>).</summary>
    public static SendOutcome Away(string detail) => new(SendResult.Away, detail);

    /// <summary>Handed over without an answer (<paramref name="detail"/>).</summary>
    public static SendOutcome Unknown(string detail) => new(SendResult.Unknown, detail);

    /// <summary>"TypeName: message" of <paramref name="exception"/>.</summary>
    public static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";
}
