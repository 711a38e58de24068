using Grpc.Core;
using Ksst.Scheduling.Feeds;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;

namespace Ksst.Scheduling.Access;

/// <summary>
/// Who may do what with calendar feeds. A feed of a batch's agenda is its organisers' to create
/// (<see cref="BatchOrganisers"/>); a feed of an itinerary is for whoever may read that itinerary
/// (<see cref="ItineraryAccess"/>, checked by the API with the roster). Every feed of a batch is
/// listed and revoked by the batch's organisers, and each feed by its creator; anyone else's
/// feed answers as if it did not exist.
/// </summary>
internal sealed class FeedAccess(BatchOrganisers organisers)
{
    /// <summary>Refuses the caller unless they organise <paramref name="batchId"/> (PERMISSION_DENIED; NOT_FOUND for no such batch).</summary>
    public Task CheckAgendaFeedAsync(ServerCallContext context, string batchId) =>
        organisers.CheckAsync(context.Caller(), batchId, context.CancellationToken);

    /// <summary>Whether the caller sees every feed of <paramref name="batchId"/>, not only their own.</summary>
    public Task<bool> SeesAllFeedsOfAsync(ServerCallContext context, string batchId) =>
        organisers.OrganisesAsync(context.Caller(), batchId, context.CancellationToken);

    /// <summary>NOT_FOUND unless the caller created <paramref name="feed"/> or organises its batch.</summary>
    public async Task CheckRevokeAsync(ServerCallContext context, Feed feed)
    {
        if (feed.CreatedBy == context.Caller().Subject || await SeesAllFeedsOfAsync(context, feed.BatchId))
        {
            return;
        }
        throw NotFound(feed.Id);
    }

    /// <summary>The answer for a feed the caller may not see, or that does not exist.</summary>
    public static RpcException NotFound(Guid feedId) => RpcErrors.NotFound("calendar feed", $"calendar-feeds/{feedId}");
}
