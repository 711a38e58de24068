using Ksst.Scheduling.Data;
using Ksst.Scheduling.Roster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling.Agenda;

/// <summary>
/// The agenda of a batch and the itineraries of its participants, read through HybridCache
/// (memory, then Redis) and tagged with the batch. A change to the batch's sessions or groups
/// removes them all (<see cref="InvalidateAsync"/>); a change of one participant (their roster
/// entry, their group) removes only that participant's itinerary
/// (<see cref="InvalidateItineraryAsync"/>): the agenda holds sessions only, and another
/// participant's itinerary depends on their own entry and the agenda. With Redis down, reads
/// fall back to the database.
/// </summary>
internal sealed partial class TimetableViews(HybridCache cache, SchedulingDbContext db, CacheMetrics metrics, ILogger<TimetableViews> logger)
{
    private static readonly HybridCacheEntryOptions Entry = new()
    {
        Expiration = TimeSpan.FromMinutes(10),
        LocalCacheExpiration = TimeSpan.FromMinutes(1),
    };

    /// <summary>The batch's agenda.</summary>
    public async Task<Api.Agenda> AgendaAsync(string batchId, CancellationToken ct)
    {
        var built = false;
        var agenda = await AgendaCoreAsync(batchId, () => built = true, ct);
        metrics.Read("agenda", hit: !built);
        return agenda;
    }

    /// <summary>A participant's itinerary; null when the nomination is not on the batch's roster.</summary>
    public async Task<Api.Itinerary?> ItineraryAsync(string batchId, Guid nominationId, CancellationToken ct)
    {
        var built = false;
        var itinerary = await cache.GetOrCreateAsync(
            ItineraryKey(batchId, nominationId),
            async token =>
            {
                built = true;
                return await BuildItineraryAsync(batchId, nominationId, token);
            },
            Entry, [TagOf(batchId)], ct);
        metrics.Read("itinerary", hit: !built);
        return itinerary.NominationId.Length > 0 ? itinerary : null;
    }

    /// <summary>Drops every cached view of the batch, here and in Redis.</summary>
    public async Task InvalidateAsync(string batchId, CancellationToken ct)
    {
        try
        {
            await cache.RemoveByTagAsync(TagOf(batchId), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogInvalidationFailed(ex, batchId);
        }
    }

    /// <summary>Drops the cached itinerary of one participant of the batch, here and in Redis; the agenda and the others' stay.</summary>
    public async Task InvalidateItineraryAsync(string batchId, Guid nominationId, CancellationToken ct)
    {
        try
        {
            await cache.RemoveAsync(ItineraryKey(batchId, nominationId), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogInvalidationFailed(ex, batchId);
        }
    }

    private static string ItineraryKey(string batchId, Guid nominationId) => $"ksst:scheduling:v1:itinerary:{batchId}:{nominationId:N}";

    private ValueTask<Api.Agenda> AgendaCoreAsync(string batchId, Action onBuild, CancellationToken ct) =>
        cache.GetOrCreateAsync(
            $"ksst:scheduling:v1:agenda:{batchId}",
            async token =>
            {
                onBuild();
                return new Api.Agenda { BatchId = batchId, Days = { AgendaItems.ByDay(await AgendaItems.ReadAsync(db, batchId, token)) } };
            },
            Entry, [TagOf(batchId)], ct);

    private async Task<Api.Itinerary> BuildItineraryAsync(string batchId, Guid nominationId, CancellationToken ct)
    {
        var entry = await db.Roster.AsNoTracking().SingleOrDefaultAsync(r => r.NominationId == nominationId && r.BatchId == batchId, ct);
        if (entry is null)
        {
            return new Api.Itinerary(); // Not on the roster: cached too, until the roster changes.
        }
        var itinerary = new Api.Itinerary { BatchId = batchId, NominationId = nominationId.ToString(), Group = entry.Group ?? "", Status = entry.Status };
        if (RosterStatus.IsParticipating(entry.Status))
        {
            var agenda = await AgendaCoreAsync(batchId, () => { }, ct);
            var mine = agenda.Days.SelectMany(d => d.Items)
                .Where(i => i.Session.Groups.Count == 0 || (entry.Group is not null && i.Session.Groups.Contains(entry.Group)));
            itinerary.Days.AddRange(AgendaItems.ByDay(mine));
        }
        return itinerary;
    }

    private static string TagOf(string batchId) => $"batch:{batchId}";

    [LoggerMessage(LogLevel.Warning, "Could not invalidate the cached views of batch {BatchId}; they expire on their own.")]
    private partial void LogInvalidationFailed(Exception ex, string batchId);
}
