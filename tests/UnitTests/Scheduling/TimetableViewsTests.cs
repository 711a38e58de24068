using System.Diagnostics.Metrics;
using Ksst.Scheduling.Agenda;
using Ksst.Scheduling.Data;
using Ksst.Scheduling.Roster;
using Ksst.Scheduling.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ksst.UnitTests.Scheduling;

/// <summary>Itineraries through HybridCache (memory level) over a real SQLite file: hits, misses and invalidation.</summary>
public sealed class TimetableViewsTests : IDisposable
{
    private static readonly DateTimeOffset Nine = new(2018, 7, 18, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ksst-views-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;

    public TimetableViewsTests()
    {
        _services = new ServiceCollection()
            .AddMetrics()
            .AddSingleton<CacheMetrics>()
            .AddHybridCache().AddSerializerFactory<ProtobufCacheSerializerFactory>().Services
            .BuildServiceProvider();
    }

    private SchedulingDbContext NewContext()
    {
        var db = new SchedulingDbContext(new DbContextOptionsBuilder<SchedulingDbContext>().UseSqlite($"Data Source={_file};Pooling=False").Options);
        db.Database.Migrate();
        return db;
    }

    private TimetableViews Views(SchedulingDbContext db) =>
        new(_services.GetRequiredService<HybridCache>(), db, _services.GetRequiredService<CacheMetrics>(), NullLogger<TimetableViews>.Instance);

    [Fact]
    public async Task A_changed_session_shows_in_the_next_itinerary_read_and_reads_are_counted()
    {
        using var db = NewContext();
        var participant = Guid.NewGuid();
        db.Venues.Add(new Venue { Id = "kemenperin-jakarta", Name = "Kemenperin", City = "Jakarta", Capacity = 80 });
        db.Roster.Add(new RosterEntry { NominationId = participant, BatchId = "b3", Country = "NP", Status = RosterStatus.Confirmed, StatusChangedAt = Nine, NominatedAt = Nine });
        var session = new Session { Id = Guid.NewGuid(), BatchId = "b3", Title = "Export class", VenueId = "kemenperin-jakarta", Start = Nine, End = Nine.AddHours(2) };
        db.Sessions.Add(session);
        db.SaveChanges();

        var reads = new List<(string Name, string View)>();
        using var listener = new MeterListener { InstrumentPublished = (i, l) => { if (i.Meter.Name == CacheMetrics.MeterName) l.EnableMeasurementEvents(i); } };
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => reads.Add((i.Name, (string)tags[0].Value!)));
        listener.Start();

        var views = Views(db);
        var first = await views.ItineraryAsync("b3", participant, CancellationToken.None);
        Assert.Equal("2018-07-18T09:00:00+07:00", Assert.Single(Assert.Single(first!.Days).Items).LocalStart);

        session.Start = Nine.AddHours(4);
        session.End = Nine.AddHours(6);
        db.SaveChanges();
        var stale = await views.ItineraryAsync("b3", participant, CancellationToken.None);
        Assert.Equal("2018-07-18T09:00:00+07:00", stale!.Days[0].Items[0].LocalStart); // Served from the cache.

        await views.InvalidateAsync("b3", CancellationToken.None);
        var fresh = await views.ItineraryAsync("b3", participant, CancellationToken.None);
        Assert.Equal("2018-07-18T13:00:00+07:00", fresh!.Days[0].Items[0].LocalStart);

        Assert.Equal(
            [("ksst.scheduling.cache.misses", "itinerary"), ("ksst.scheduling.cache.hits", "itinerary"), ("ksst.scheduling.cache.misses", "itinerary")],
            reads);
    }

    [Fact]
    public async Task A_change_of_one_participant_drops_their_itinerary_only_and_keeps_the_agenda_and_the_others()
    {
        using var db = NewContext();
        var (nimali, arjun) = (Guid.NewGuid(), Guid.NewGuid());
        db.Venues.Add(new Venue { Id = "hall", Name = "Hall", City = "Jakarta", Capacity = 80 });
        var entries = new[] { nimali, arjun }.Select(id => new RosterEntry { NominationId = id, BatchId = "b3", Country = "LK", Status = RosterStatus.Confirmed, StatusChangedAt = Nine, NominatedAt = Nine }).ToList();
        db.Roster.AddRange(entries);
        db.Sessions.Add(new Session { Id = Guid.NewGuid(), BatchId = "b3", Title = "Class", VenueId = "hall", Start = Nine, End = Nine.AddHours(1) });
        db.SaveChanges();
        var views = Views(db);
        await views.AgendaAsync("b3", CancellationToken.None);
        await views.ItineraryAsync("b3", nimali, CancellationToken.None);
        await views.ItineraryAsync("b3", arjun, CancellationToken.None);

        // Both change in the database; only Nimali's change is announced.
        entries.ForEach(e => e.Group = "A");
        db.Sessions.Add(new Session { Id = Guid.NewGuid(), BatchId = "b3", Title = "Visit", VenueId = "hall", Start = Nine.AddHours(3), End = Nine.AddHours(4) });
        db.SaveChanges();
        await views.InvalidateItineraryAsync("b3", nimali, CancellationToken.None);

        Assert.Equal("A", (await views.ItineraryAsync("b3", nimali, CancellationToken.None))!.Group);
        Assert.Equal("", (await views.ItineraryAsync("b3", arjun, CancellationToken.None))!.Group);
        Assert.Single((await views.AgendaAsync("b3", CancellationToken.None)).Days.SelectMany(d => d.Items));

        // A change of the batch's sessions drops everything.
        await views.InvalidateAsync("b3", CancellationToken.None);
        Assert.Equal(2, (await views.AgendaAsync("b3", CancellationToken.None)).Days.SelectMany(d => d.Items).Count());
        Assert.Equal("A", (await views.ItineraryAsync("b3", arjun, CancellationToken.None))!.Group);
    }

    [Fact]
    public async Task A_withdrawn_participant_has_an_empty_itinerary_and_a_stranger_none()
    {
        using var db = NewContext();
        var withdrawn = Guid.NewGuid();
        db.Venues.Add(new Venue { Id = "hall", Name = "Hall", City = "Jakarta", Capacity = 80 });
        db.Roster.Add(new RosterEntry { NominationId = withdrawn, BatchId = "b3", Country = "MM", Status = RosterStatus.Withdrawn, StatusChangedAt = Nine, NominatedAt = Nine });
        db.Sessions.Add(new Session { Id = Guid.NewGuid(), BatchId = "b3", Title = "Class", VenueId = "hall", Start = Nine, End = Nine.AddHours(1) });
        db.SaveChanges();

        var itinerary = await Views(db).ItineraryAsync("b3", withdrawn, CancellationToken.None);
        Assert.Equal(RosterStatus.Withdrawn, itinerary!.Status);
        Assert.Empty(itinerary.Days);
        Assert.Null(await Views(db).ItineraryAsync("b3", Guid.NewGuid(), CancellationToken.None));
    }

    public void Dispose()
    {
        _services.Dispose();
        File.Delete(_file);
    }
}
