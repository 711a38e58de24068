using Grpc.Core;
using Ksst.Contracts.Scheduling.V1;
using Ksst.Scheduling.Access;
using Ksst.Scheduling.Feeds;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;

namespace Ksst.Scheduling;

/// <summary>The Scheduling gRPC service; this part: secret calendar feed URLs (served by <see cref="FeedEndpoint"/>).</summary>
internal sealed partial class SchedulingApi
{
    public override async Task<CreatedCalendarFeed> CreateCalendarFeed(CreateCalendarFeedRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations().AddIf(string.IsNullOrWhiteSpace(request.BatchId), "batch_id", "Required.");
        Guid? nominationId = request.NominationId.Length > 0 ? RequestFields.RequireId(request.NominationId, "nomination_id", violations) : null;
        violations.ThrowIfAny();
        var baseUrl = feedBaseUrl.For(context.GetHttpContext().Request);
        if (nominationId is null)
        {
            await feedAccess.CheckAgendaFeedAsync(context, request.BatchId);
        }
        else
        {
            await ItineraryOfAsync(request.BatchId, request.NominationId, context); // whose it is, and on the roster
        }
        var (feed, token) = await feeds.CreateAsync(request.BatchId, nominationId, request.Label.Trim(), context.Caller().Subject, context.CancellationToken);
        return new CreatedCalendarFeed { Feed = feed.ToApi(), Url = FeedPaths.Url(baseUrl, token) };
    }

    public override async Task<ListCalendarFeedsResponse> ListCalendarFeeds(ListCalendarFeedsRequest request, ServerCallContext context)
    {
        var batchId = request.BatchId.Trim() is { Length: > 0 } batch ? batch : null;
        var everyone = batchId is not null && await feedAccess.SeesAllFeedsOfAsync(context, batchId);
        var listed = await feedQueries.WorkingAsync(batchId, everyone ? null : context.Caller().Subject, context.CancellationToken);
        return new ListCalendarFeedsResponse { Feeds = { listed.Select(f => f.ToApi()) } };
    }

    public override async Task<CalendarFeed> RevokeCalendarFeed(RevokeCalendarFeedRequest request, ServerCallContext context)
    {
        var feedId = RequestFields.RequireId(request.FeedId, "feed_id");
        var feed = await feedQueries.FindAsync(feedId, context.CancellationToken) ?? throw FeedAccess.NotFound(feedId);
        await feedAccess.CheckRevokeAsync(context, feed);
        var revoked = await feeds.RevokeAsync(feedId, context.CancellationToken) ?? throw FeedAccess.NotFound(feedId);
        return revoked.ToApi();
    }
}
