namespace Ksst.Scheduling.Feeds;

/// <summary>
/// Where feeds are served: <c>/feeds/v1/{token}.ics</c> on the service's HTTP/1.1 endpoint. The
/// token is a credential, so a path under <c>/feeds/</c> is never recorded as it is: traces show
/// the route template instead (<see cref="Redact"/>).
/// </summary>
internal static class FeedPaths
{
    /// <summary>Every feed path starts with this.</summary>
    public const string Prefix = "/feeds/";

    /// <summary>The route of a feed.</summary>
    public const string Route = "/feeds/v1/{token}.ics";

    /// <summary>What a feed path under <see cref="Prefix"/> is recorded as.</summary>
    public const string Redacted = "/feeds/{redacted}";

    /// <summary>The URL of the feed with <paramref name="token"/> on the service at <paramref name="baseUrl"/>.</summary>
    public static string Url(Uri baseUrl, string token) => $"{baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/')}/feeds/v1/{token}.ics";

    /// <summary>Whether <paramref name="path"/> may carry a feed token.</summary>
    public static bool IsFeedPath(string? path) => path is not null && path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="path"/> as it may be recorded: a feed path is <see cref="Route"/> when it has that form, <see cref="Redacted"/> otherwise.</summary>
    public static string Redact(string path)
    {
        if (!IsFeedPath(path))
        {
            return path;
        }
        const string version = "/feeds/v1/";
        var isFeed = path.StartsWith(version, StringComparison.Ordinal)
            && path.EndsWith(".ics", StringComparison.Ordinal)
            && path.IndexOf('/', version.Length) < 0;
        return isFeed ? Route : Redacted;
    }
}
