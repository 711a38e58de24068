using Ksst.Scheduling.Feeds;

namespace Ksst.UnitTests.Scheduling;

/// <summary>Feed URLs, and feed paths as traces may record them: never with the token.</summary>
public sealed class FeedPathsTests
{
    [Theory]
    [InlineData("http://localhost:5301/", "http://localhost:5301/feeds/v1/TOKEN.ics")]
    [InlineData("http://localhost:5301", "http://localhost:5301/feeds/v1/TOKEN.ics")]
    [InlineData("https://ksst.example.org/scheduling/", "https://ksst.example.org/scheduling/feeds/v1/TOKEN.ics")]
    [InlineData("https://ksst.example.org/scheduling/?x=1#y", "https://ksst.example.org/scheduling/feeds/v1/TOKEN.ics")]
    public void A_feed_url_is_its_services_address_and_the_route(string baseUrl, string expected) =>
        Assert.Equal(expected, FeedPaths.Url(new Uri(baseUrl), "TOKEN"));

    [Theory]
    [InlineData("/feeds/v1/abcdefABCDEF0123456789-_abcdefABCDEF0123456.ics", FeedPaths.Route)]
    [InlineData("/feeds/v1/anything.ics", FeedPaths.Route)]
    [InlineData("/feeds/v1/abcdefABCDEF0123456789-_abcdefABCDEF0123456.ical", FeedPaths.Redacted)]
    [InlineData("/feeds/v1/abcdefABCDEF0123456789-_abcdefABCDEF0123456/x.ics", FeedPaths.Redacted)]
    [InlineData("/feeds/v2/abcdefABCDEF0123456789-_abcdefABCDEF0123456.ics", FeedPaths.Redacted)]
    [InlineData("/FEEDS/v1/abcdefABCDEF0123456789-_abcdefABCDEF0123456.ics", FeedPaths.Redacted)]
    [InlineData("/feeds/", FeedPaths.Redacted)]
    [InlineData("/api/v1/batches/ksst-sme-2018/agenda.ics", "/api/v1/batches/ksst-sme-2018/agenda.ics")]
    [InlineData("/feedsx", "/feedsx")]
    public void A_feed_path_is_recorded_as_its_route_or_redacted(string path, string recorded)
    {
        Assert.Equal(recorded, FeedPaths.Redact(path));
        Assert.DoesNotContain("abcdefABCDEF", FeedPaths.Redact(path), StringComparison.Ordinal);
    }
}
