using Google.Protobuf.WellKnownTypes;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling.Feeds;

/// <summary>Maps feeds to their API message, which never holds the token.</summary>
internal static class FeedMapping
{
    public static Api.CalendarFeed ToApi(this Feed feed)
    {
        var api = new Api.CalendarFeed
        {
            FeedId = feed.Id.ToString(),
            Kind = feed.IsAgenda ? Api.CalendarFeedKind.Agenda : Api.CalendarFeedKind.Itinerary,
            BatchId = feed.BatchId,
            NominationId = feed.NominationId?.ToString() ?? "",
            Label = feed.Label,
            CreatedBy = feed.CreatedBy,
            CreatedAt = Timestamp.FromDateTimeOffset(feed.CreatedAt),
        };
        if (feed.RevokedAt is { } revoked)
        {
            api.RevokedAt = Timestamp.FromDateTimeOffset(revoked);
        }
        return api;
    }
}
