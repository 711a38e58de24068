using Ksst.Scheduling.Agenda;

namespace Ksst.Scheduling.Feeds;

/// <summary>
/// <c>GET /feeds/v1/{token}.ics</c>: the current calendar of the feed the token opens, without
/// an access token (the URL is the credential), for calendar apps that cannot send one. A token
/// of no feed, a revoked one, a malformed one, and an itinerary no longer on the roster are all
/// the same bare 404.
/// </summary>
internal static class FeedEndpoint
{
    public static void MapCalendarFeeds(this WebApplication app) =>
        app.MapMethods(FeedPaths.Route, [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static async Task<IResult> ServeAsync(string token, FeedQueries feeds, TimetableCalendars calendars, HttpContext http, CancellationToken ct)
    {
        var feed = await feeds.OpenedByAsync(token, ct);
        var calendar = feed switch
        {
            null => null,
            { NominationId: { } nomination } => await calendars.ItineraryAsync(feed.BatchId, nomination, ct),
            _ => await calendars.AgendaAsync(feed.BatchId, ct),
        };
        if (calendar is null)
        {
            return Results.NotFound();
        }
        // What the feed shows is the holder's own: no shared cache keeps it, and no page links out of it.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.Text(calendar, TimetableCalendars.ContentType);
    }
}
