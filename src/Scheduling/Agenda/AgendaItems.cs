using System.Globalization;
using Ksst.Scheduling.Data;
using Ksst.Scheduling.Sessions;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling.Agenda;

/// <summary>Reads a batch's sessions as agenda items (local times, names) and arranges them by day.</summary>
internal static class AgendaItems
{
    /// <summary>The batch's sessions that still stand, by start.</summary>
    public static async Task<List<Api.AgendaItem>> ReadAsync(SchedulingDbContext db, string batchId, CancellationToken ct)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.BatchId == batchId && !s.Cancelled).OrderBy(s => s.Start).ToListAsync(ct);
        var venues = await db.Venues.AsNoTracking().ToDictionaryAsync(v => v.Id, ct);
        var speakers = await db.Speakers.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        return sessions.Select(s => ToItem(s, venues[s.VenueId], speakers)).ToList();
    }

    /// <summary>Items grouped by the local date they start on.</summary>
    public static IEnumerable<Api.AgendaDay> ByDay(IEnumerable<Api.AgendaItem> items) =>
        items.GroupBy(i => i.LocalStart[..10]).Select(day => new Api.AgendaDay { Date = day.Key, Items = { day } });

    /// <summary>One session as an agenda item, in its venue's local time.</summary>
    internal static Api.AgendaItem ToItem(Session session, Venue venue, IReadOnlyDictionary<string, Speaker> speakers)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(venue.TimeZone);
        var item = new Api.AgendaItem
        {
            Session = session.ToApi(venue.City),
            LocalStart = Local(session.Start, zone),
            LocalEnd = Local(session.End, zone),
            TimeZone = venue.TimeZone,
            Venue = venue.ToApi(),
            Speakers = { session.Speakers.Where(speakers.ContainsKey).Select(id => speakers[id].ToApi()) },
        };
        if (session.HostId is { } host && speakers.TryGetValue(host, out var hostSpeaker))
        {
            item.Host = hostSpeaker.ToApi();
        }
        return item;
    }

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
