using Ksst.ServiceDefaults.Access;
using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Data;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Feeds;

/// <summary>
/// Creating and revoking calendar feeds, each in one unit of work. Who may is checked before
/// (<see cref="Access.FeedAccess"/>). A revoked feed is found by no lookup of its token from the
/// moment the revocation commits: feeds are read from the database on every request, never cached.
/// </summary>
internal sealed class FeedCommands(SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork, TimeProvider clock)
{
    /// <summary>Feeds of one caller for one calendar that may work at a time.</summary>
    public const int MaxWorkingPerCalendar = 10;

    /// <summary>
    /// A new feed of the batch's agenda (<paramref name="nominationId"/> null) or of an itinerary,
    /// and its token (never stored); FAILED_PRECONDITION when <paramref name="createdBy"/> already
    /// has <see cref="MaxWorkingPerCalendar"/> working feeds of that calendar.
    /// </summary>
    public Task<(Feed Feed, string Token)> CreateAsync(string batchId, Guid? nominationId, string label, string createdBy, CancellationToken ct)
    {
        var (token, hash) = SecretToken.New();
        return unitOfWork.RunAsync(async _ =>
        {
            var working = await db.Feeds.CountAsync(
                f => f.BatchId == batchId && f.NominationId == nominationId && f.CreatedBy == createdBy && f.RevokedAt == null, ct);
            if (working >= MaxWorkingPerCalendar)
            {
                throw RpcErrors.FailedPrecondition("TOO_MANY_FEEDS", $"batches/{batchId}",
                    $"You already have {working} working feeds of this calendar; revoke one first.");
            }
            var feed = new Feed
            {
                Id = Guid.NewGuid(),
                TokenHash = hash,
                BatchId = batchId,
                NominationId = nominationId,
                Label = label,
                CreatedBy = createdBy,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Feeds.Add(feed);
            return (feed, token);
        }, ct);
    }

    /// <summary>Revokes the feed (once: revoking it again keeps the first time); null when there is no such feed.</summary>
    public Task<Feed?> RevokeAsync(Guid feedId, CancellationToken ct) =>
        unitOfWork.RunAsync(async _ =>
        {
            var feed = await db.Feeds.SingleOrDefaultAsync(f => f.Id == feedId, ct);
            if (feed is not null)
            {
                feed.RevokedAt ??= clock.GetUtcNow();
            }
            return feed;
        }, ct);
}
