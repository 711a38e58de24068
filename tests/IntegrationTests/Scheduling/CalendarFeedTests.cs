using System.Diagnostics;
using Aspire.Hosting.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using Ksst.IntegrationTests.Telemetry;
using Ksst.IntegrationTests.Telemetry.Otlp;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using SchedulingClient = Ksst.Contracts.Scheduling.V1.Scheduling.SchedulingClient;

namespace Ksst.IntegrationTests.Scheduling;

/// <summary>
/// Secret calendar feed URLs: created by whoever may read the calendar, served to anyone holding
/// the URL without a token, never listed, never in a trace, and dead the moment they are revoked.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class CalendarFeedTests(StackFixture stack)
{
    private const string Batch3 = "ksst-sme-2018";
    private const string Nimali = "nimali.perera@ksst-demo.example";
    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    private SchedulingClient As(string caller) => new(stack.Channel("scheduling", caller));

    /// <summary>Nimali Perera's nomination in batch 3, and another confirmed participant's.</summary>
    private async Task<(string Hers, string Theirs)> NominationsAsync()
    {
        var everyone = await new NominationsClient(stack.Channel("registration"))
            .ListNominationsAsync(new ListNominationsRequest { BatchId = Batch3, PageSize = 100 }, deadline: Deadline);
        var hers = everyone.Nominations.Single(n => n.Participant.Email == Nimali).NominationId;
        var theirs = everyone.Nominations.First(n => n.Participant.Email != Nimali && n.Status == NominationStatus.Confirmed).NominationId;
        return (hers, theirs);
    }

    /// <summary>GETs <paramref name="url"/> as a calendar app would: no token, no cookies.</summary>
    private static async Task<(HttpStatusCode Status, string? MediaType, string Body)> FetchAsync(string url, string? traceId = null)
    {
        using var http = new HttpClient { Timeout = StackFixture.Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (traceId is not null)
        {
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        }
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var response = await http.SendAsync(request, cts.Token);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(cts.Token));
    }

    private static int Events(string calendar) => calendar.Split("BEGIN:VEVENT").Length - 1;

    private static string TokenOf(string url) => url[(url.LastIndexOf('/') + 1)..^".ics".Length];

    private static async Task<StatusCode> StatusOf(Func<Task> call) => (await Assert.ThrowsAsync<RpcException>(call)).StatusCode;

    [Fact]
    public async Task Her_itinerary_feed_serves_her_calendar_without_a_token_until_she_revokes_it()
    {
        var (hers, _) = await NominationsAsync();
        var participant = As("participant");
        var created = await participant.CreateCalendarFeedAsync(
            new CreateCalendarFeedRequest { BatchId = Batch3, NominationId = hers, Label = "phone" }, deadline: Deadline);
        Assert.Equal((CalendarFeedKind.Itinerary, Batch3, hers, "phone"), (created.Feed.Kind, created.Feed.BatchId, created.Feed.NominationId, created.Feed.Label));
        Assert.Null(created.Feed.RevokedAt);
        Assert.Matches("^http://[^/]+/feeds/v1/[A-Za-z0-9_-]{43}\\.ics$", created.Url);
        Assert.StartsWith(stack.App.GetEndpoint("scheduling", "http").GetLeftPart(UriPartial.Authority), created.Url);

        var itinerary = await participant.GetItineraryAsync(new GetItineraryRequest { BatchId = Batch3, NominationId = hers }, deadline: Deadline);
        var sessions = itinerary.Days.SelectMany(d => d.Items).ToList();
        Assert.NotEmpty(sessions);
        var (status, mediaType, calendar) = await FetchAsync(created.Url);
        Assert.Equal((HttpStatusCode.OK, "text/calendar"), (status, mediaType));
        Assert.Contains("X-WR-CALNAME:KSST ksst-sme-2018 itinerary", calendar);
        Assert.Equal(sessions.Count, Events(calendar));
        Assert.All(sessions, s => Assert.Contains($"UID:{s.Session.SessionId}@scheduling.ksst", calendar));
        Assert.Contains("TZID:Asia/Jakarta", calendar);

        // The list shows the feed, never its URL or token.
        var token = TokenOf(created.Url);
        var listed = await participant.ListCalendarFeedsAsync(new ListCalendarFeedsRequest(), deadline: Deadline);
        Assert.Contains(listed.Feeds, f => f.FeedId == created.Feed.FeedId);
        Assert.DoesNotContain(token, listed.ToString());
        using (var json = stack.Http("scheduling", "participant"))
        {
            var body = await json.GetStringAsync("/api/v1/calendar-feeds?batchId=ksst-sme-2018");
            Assert.Contains(created.Feed.FeedId, body);
            Assert.DoesNotContain(token, body);
        }

        var revoked = await participant.RevokeCalendarFeedAsync(new RevokeCalendarFeedRequest { FeedId = created.Feed.FeedId }, deadline: Deadline);
        Assert.NotNull(revoked.RevokedAt);
        var after = await FetchAsync(created.Url);
        Assert.Equal((HttpStatusCode.NotFound, ""), (after.Status, after.Body));
        var again = await participant.RevokeCalendarFeedAsync(new RevokeCalendarFeedRequest { FeedId = created.Feed.FeedId }, deadline: Deadline);
        Assert.Equal(revoked.RevokedAt, again.RevokedAt);
        Assert.DoesNotContain((await participant.ListCalendarFeedsAsync(new ListCalendarFeedsRequest(), deadline: Deadline)).Feeds, f => f.FeedId == created.Feed.FeedId);
    }

    [Fact]
    public async Task A_feed_made_over_json_is_at_the_address_the_request_came_to()
    {
        var (hers, _) = await NominationsAsync();
        using var json = stack.Http("scheduling", "participant");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var response = await json.PostAsJsonAsync($"/api/v1/batches/{Batch3}/calendar-feeds", new { nominationId = hers }, cts.Token);
        var body = await response.Content.ReadAsStringAsync(cts.Token);
        Assert.True(response.IsSuccessStatusCode, body);
        var url = JsonDocument.Parse(body).RootElement.GetProperty("url").GetString()!;
        Assert.StartsWith(json.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/feeds/v1/", url);
        var fetched = await FetchAsync(url);
        Assert.Equal(HttpStatusCode.OK, fetched.Status);
        Assert.Contains("BEGIN:VEVENT", fetched.Body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("feed").GetProperty("feedId").GetString()!;
        await As("participant").RevokeCalendarFeedAsync(new RevokeCalendarFeedRequest { FeedId = id }, deadline: Deadline);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(url)).Status);
    }

    [Fact]
    public async Task Nobody_but_her_and_the_batchs_organisers_gets_or_revokes_a_feed_of_her_itinerary()
    {
        var (hers, theirs) = await NominationsAsync();
        var participant = As("participant");
        var other = As("organiser-other");

        // Another's nomination, or none, is NOT_FOUND to her, exactly alike.
        Assert.Equal(StatusCode.NotFound, await StatusOf(() => participant.CreateCalendarFeedAsync(
            new CreateCalendarFeedRequest { BatchId = Batch3, NominationId = theirs }, deadline: Deadline).ResponseAsync));
        Assert.Equal(StatusCode.NotFound, await StatusOf(() => participant.CreateCalendarFeedAsync(
            new CreateCalendarFeedRequest { BatchId = Batch3, NominationId = Guid.NewGuid().ToString() }, deadline: Deadline).ResponseAsync));
        // The agenda feed and the itineraries of batch 3 are its organisers'.
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => participant.CreateCalendarFeedAsync(
            new CreateCalendarFeedRequest { BatchId = Batch3 }, deadline: Deadline).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => other.CreateCalendarFeedAsync(
            new CreateCalendarFeedRequest { BatchId = Batch3 }, deadline: Deadline).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => other.CreateCalendarFeedAsync(
            new CreateCalendarFeedRequest { BatchId = Batch3, NominationId = hers }, deadline: Deadline).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => As("agency").CreateCalendarFeedAsync(
            new CreateCalendarFeedRequest { BatchId = Batch3, NominationId = hers }, deadline: Deadline).ResponseAsync));

        var created = await participant.CreateCalendarFeedAsync(new CreateCalendarFeedRequest { BatchId = Batch3, NominationId = hers }, deadline: Deadline);
        var feedId = created.Feed.FeedId;
        Assert.DoesNotContain((await other.ListCalendarFeedsAsync(new ListCalendarFeedsRequest { BatchId = Batch3 }, deadline: Deadline)).Feeds, f => f.FeedId == feedId);
        Assert.Equal(StatusCode.NotFound, await StatusOf(() => other.RevokeCalendarFeedAsync(new RevokeCalendarFeedRequest { FeedId = feedId }, deadline: Deadline).ResponseAsync));
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(created.Url)).Status);

        // The batch's organiser sees every feed of it (without URLs) and may revoke hers.
        var organiser = As("organiser");
        Assert.Contains((await organiser.ListCalendarFeedsAsync(new ListCalendarFeedsRequest { BatchId = Batch3 }, deadline: Deadline)).Feeds, f => f.FeedId == feedId);
        Assert.DoesNotContain((await organiser.ListCalendarFeedsAsync(new ListCalendarFeedsRequest(), deadline: Deadline)).Feeds, f => f.FeedId == feedId);
        await organiser.RevokeCalendarFeedAsync(new RevokeCalendarFeedRequest { FeedId = feedId }, deadline: Deadline);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(created.Url)).Status);
    }

    [Fact]
    public async Task The_batch_agenda_feed_serves_every_session_of_the_batch()
    {
        var organiser = As("organiser");
        var created = await organiser.CreateCalendarFeedAsync(new CreateCalendarFeedRequest { BatchId = Batch3, Label = "programme office" }, deadline: Deadline);
        Assert.Equal((CalendarFeedKind.Agenda, ""), (created.Feed.Kind, created.Feed.NominationId));
        var agenda = await organiser.GetAgendaAsync(new GetAgendaRequest { BatchId = Batch3 }, deadline: Deadline);

        var (status, mediaType, calendar) = await FetchAsync(created.Url);
        Assert.Equal((HttpStatusCode.OK, "text/calendar"), (status, mediaType));
        Assert.Contains("X-WR-CALNAME:KSST ksst-sme-2018\r\n", calendar);
        Assert.Equal(agenda.Days.Sum(d => d.Items.Count), Events(calendar));
        await organiser.RevokeCalendarFeedAsync(new RevokeCalendarFeedRequest { FeedId = created.Feed.FeedId }, deadline: Deadline);
    }

    [Fact]
    public async Task A_garbage_or_unknown_token_is_a_bare_404()
    {
        var root = stack.App.GetEndpoint("scheduling", "http").GetLeftPart(UriPartial.Authority);
        foreach (var path in new[]
        {
            "/feeds/v1/garbage.ics",
            $"/feeds/v1/{new string('A', 43)}.ics",
            $"/feeds/v1/{Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=')}.ics",
            "/feeds/v1/.ics",
        })
        {
            var (status, _, body) = await FetchAsync(root + path);
            Assert.True((status, body) == (HttpStatusCode.NotFound, ""), $"{path}: {(int)status} {body}");
        }
    }

    [Fact]
    public async Task No_span_holds_the_token_and_the_feed_request_is_named_by_its_route()
    {
        var (hers, _) = await NominationsAsync();
        var participant = As("participant");
        var created = await participant.CreateCalendarFeedAsync(new CreateCalendarFeedRequest { BatchId = Batch3, NominationId = hers }, deadline: Deadline);
        var token = TokenOf(created.Url);
        var served = ActivityTraceId.CreateRandom().ToString();
        var mistyped = ActivityTraceId.CreateRandom().ToString();
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(created.Url, served)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(created.Url.Replace(".ics", "/x.ical"), mistyped)).Status);
        await participant.RevokeCalendarFeedAsync(new RevokeCalendarFeedRequest { FeedId = created.Feed.FeedId }, deadline: Deadline);

        var span = await stack.Telemetry.WaitForTraceAsync(served, spans => spans.FirstOrDefault(s => s is { Service: "scheduling", Kind: SpanKind.Server }), "the feed request's span");
        Assert.Equal("GET /feeds/v1/{token}.ics", span.Name);
        Assert.Equal(("/feeds/v1/{token}.ics", "/feeds/v1/{token}.ics", "200"), (span.Attribute("http.route"), span.Attribute("url.path"), span.Attribute("http.response.status_code")));
        var miss = await stack.Telemetry.WaitForTraceAsync(mistyped, spans => spans.FirstOrDefault(s => s is { Service: "scheduling", Kind: SpanKind.Server }), "the mistyped request's span");
        Assert.Equal("/feeds/{redacted}", miss.Attribute("url.path"));

        var holding = stack.Telemetry.Spans.Where(s => s.Name.Contains(token, StringComparison.Ordinal) || s.Attributes.Values.Any(v => v.Contains(token, StringComparison.Ordinal))).ToList();
        Assert.True(holding.Count == 0, $"Spans holding the token: {string.Join("; ", holding)}");
    }
}
