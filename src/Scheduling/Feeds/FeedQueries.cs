using Ksst.ServiceDefaults.Access;
using Ksst.Scheduling.Data;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Feeds;

/// <summary>Reads calendar feeds: by id, the working ones of a batch or a creator, and the one a token opens.</summary>
internal sealed class FeedQueries(SchedulingDbContext db)
{
    /// <summary>The feed, revoked or not; null when there is none.</summary>
    public Task<Feed?> FindAsync(Guid feedId, CancellationToken ct) =>
        db.Feeds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == feedId, ct);

    /// <summary>Working feeds, newest first: of <paramref name="batchId"/> if given, of <paramref name="createdBy"/> if given.</summary>
    public async Task<List<Feed>> WorkingAsync(string? batchId, string? createdBy, CancellationToken ct)
    {
        var feeds = db.Feeds.AsNoTracking().Where(f => f.RevokedAt == null);
        if (batchId is not null)
        {
            feeds = feeds.Where(f => f.BatchId == batchId);
        }
        if (createdBy is not null)
        {
            feeds = feeds.Where(f => f.CreatedBy == createdBy);
        }
        return await feeds.OrderByDescending(f => f.CreatedAt).ThenBy(f => f.Id).ToListAsync(ct);
    }

    /// <summary>
    /// The working feed <paramref name="token"/> opens; null for a token of no feed, a revoked
    /// one, or anything not shaped like a token. Looked up by the token's hash (indexed), so the
    /// lookup compares no secret.
    /// </summary>
    public async Task<Feed?> OpenedByAsync(string token, CancellationToken ct) =>
        SecretToken.HashOf(token) is { } hash
            ? await db.Feeds.AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, ct)
            : null;
}
