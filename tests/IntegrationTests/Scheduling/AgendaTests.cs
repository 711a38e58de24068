using Google.Protobuf.WellKnownTypes;
using Aspire.Hosting.Testing;
using Ksst.Contracts.Scheduling.V1;
using StackExchange.Redis;

namespace Ksst.IntegrationTests.Scheduling;

/// <summary>Agenda, itineraries and their iCalendar feeds from the running service, through its Redis-backed cache.</summary>
[Collection(StackCollection.Name)]
public sealed class AgendaTests(StackFixture stack)
{
    private readonly SchedulingFixtures _fixtures = new(stack);

    private static DateTime Deadline => SchedulingFixtures.Deadline;

    [Fact]
    public async Task Rescheduling_a_session_changes_the_cached_itinerary_the_next_read_returns()
    {
        var batch = (await TestBatches.OpenAsync(stack, admitOnArrival: true)).BatchId;
        var participant = (await _fixtures.ParticipantsAsync(batch, ["NP"], confirm: false))[0];
        var hall = await _fixtures.VenueAsync("hall", "Jakarta");
        var session = await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = SchedulingFixtures.At(batch, hall, "Export class", 2, 4) }, deadline: Deadline);
        var request = new GetItineraryRequest { BatchId = batch, NominationId = participant.NominationId };

        var first = await _fixtures.Scheduling.GetItineraryAsync(request, deadline: Deadline);
        var again = await _fixtures.Scheduling.GetItineraryAsync(request, deadline: Deadline);
        Assert.Equal("2027-03-02T09:00:00+07:00", Assert.Single(Assert.Single(first.Days).Items).LocalStart);
        Assert.Equal(first, again);

        // The second level is the stack's Redis.
        var redisConnection = await stack.App.GetConnectionStringAsync("cache") ?? throw new InvalidOperationException("No Redis.");
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(redisConnection).WaitAsync(StackFixture.Timeout))
        {
            // The second level is written beside the first, not before the read answers: wait for it.
            var key = $"ksst:scheduling:v1:itinerary:{batch}:{Guid.Parse(participant.NominationId):N}";
            await Eventually.Get(async _ => await redis.GetDatabase().KeyExistsAsync(key) ? key : null, TimeSpan.FromSeconds(10), $"the itinerary's key {key} in Redis");
        }

        await _fixtures.Scheduling.RescheduleSessionAsync(new RescheduleSessionRequest
        {
            SessionId = session.SessionId,
            Start = Timestamp.FromDateTime(SchedulingFixtures.Day.AddDays(1).AddHours(3)),
            End = Timestamp.FromDateTime(SchedulingFixtures.Day.AddDays(1).AddHours(5)),
        }, deadline: Deadline);
        var moved = await _fixtures.Scheduling.GetItineraryAsync(request, deadline: Deadline);
        var day = Assert.Single(moved.Days);
        Assert.Equal(("2027-03-03", "2027-03-03T10:00:00+07:00"), (day.Date, day.Items[0].LocalStart));

        var agenda = await _fixtures.Scheduling.GetAgendaAsync(new GetAgendaRequest { BatchId = batch, Date = "2027-03-03" }, deadline: Deadline);
        Assert.Equal(session.SessionId, Assert.Single(Assert.Single(agenda.Days).Items).Session.SessionId);
    }

    [Fact]
    public async Task The_itinerary_calendar_is_served_as_text_calendar_in_Jakarta_time()
    {
        var batch = (await TestBatches.OpenAsync(stack, admitOnArrival: true)).BatchId;
        var participant = (await _fixtures.ParticipantsAsync(batch, ["LK"], confirm: false))[0];
        var hall = await _fixtures.VenueAsync("hall", "Jakarta");
        await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = SchedulingFixtures.At(batch, hall, "Policy class", 1, 3) }, deadline: Deadline);

        using var http = stack.Http("scheduling");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var response = await http.GetAsync($"/api/v1/batches/{batch}/itineraries/{participant.NominationId}/calendar.ics", cts.Token);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync(cts.Token);
        Assert.Contains("BEGIN:VTIMEZONE", text);
        Assert.Contains("DTSTART;TZID=Asia/Jakarta:20270302T080000", text);
        Assert.Contains("SUMMARY:Policy class", text);

        var agenda = await http.GetAsync($"/api/v1/batches/{batch}/agenda.ics", cts.Token);
        Assert.Contains("SUMMARY:Policy class", await agenda.Content.ReadAsStringAsync(cts.Token));
        var stranger = await http.GetAsync($"/api/v1/batches/{batch}/itineraries/{Guid.NewGuid()}/calendar.ics", cts.Token);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, stranger.StatusCode);
    }

    [Fact]
    public async Task The_calendars_of_a_batch_years_ahead_are_served_with_their_time_zone()
    {
        // Far enough ahead that Ical.Net's own VTIMEZONE (the rules up to today) could not be built.
        var start = new DateOnly(2035, 7, 2);
        var batch = (await TestBatches.OpenAsync(stack, admitOnArrival: true, start: start)).BatchId;
        var participant = (await _fixtures.ParticipantsAsync(batch, ["BT"], confirm: false, start: start))[0];
        var hall = await _fixtures.VenueAsync("hall", "Jakarta");
        var day = start.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest
        {
            Session = new Session
            {
                BatchId = batch, Kind = SessionKind.Class, Title = "Export class", VenueId = hall,
                Start = Timestamp.FromDateTime(day.AddHours(2)), End = Timestamp.FromDateTime(day.AddHours(4)), // 09:00–11:00 in Jakarta
            },
        }, deadline: Deadline);

        using var http = stack.Http("scheduling");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        foreach (var path in new[] { $"/api/v1/batches/{batch}/agenda.ics", $"/api/v1/batches/{batch}/itineraries/{participant.NominationId}/calendar.ics" })
        {
            var response = await http.GetAsync(path, cts.Token);
            var text = await response.Content.ReadAsStringAsync(cts.Token);
            Assert.True(response.IsSuccessStatusCode, $"{path}: HTTP {(int)response.StatusCode} {text}");
            Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("BEGIN:VTIMEZONE", text);
            Assert.Contains("TZID:Asia/Jakarta", text);
            Assert.Contains("TZOFFSETTO:+0700", text);
            Assert.Contains("DTSTART;TZID=Asia/Jakarta:20350703T090000", text);
            Assert.Contains("SUMMARY:Export class", text);
        }
    }
}
