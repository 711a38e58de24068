using Google.Protobuf;
using Grpc.Core;
using Ksst.Contracts.Notifications.V1;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using Ksst.IntegrationTests.Scheduling;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;

namespace Ksst.IntegrationTests.Platform;

/// <summary>
/// Control characters in text fields are refused by every service, over gRPC and JSON, before
/// anything is stored; fields marked multiline take line breaks and tabs.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ControlCharacterTests(StackFixture stack)
{
    private readonly NominationsClient _registration = new(stack.Channel("registration"));
    private readonly NotificationsClient _notifications = new(stack.Channel("notifications"));
    private readonly SchedulingFixtures _scheduling = new(stack);

    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    private async Task<int> NominationsIn(string batchId) =>
        (await _registration.CountNominationsAsync(new CountNominationsRequest { BatchId = batchId }, deadline: Deadline)).Total;

    [Fact]
    public async Task A_nul_or_escape_in_a_participant_is_refused_over_grpc_naming_each_field_and_nothing_is_stored()
    {
        var batch = (await TestBatches.OpenAsync(stack)).BatchId;
        var request = TestBatches.Nomination(batch);
        request.Participant.FullName = "Sujata\0Shrestha";
        request.Participant.Organisation = "Ministry of \u001b[31mIndustry";

        var error = await Assert.ThrowsAsync<RpcException>(() => _registration.NominateAsync(request, deadline: Deadline).ResponseAsync);

        var violations = RefusedRequests.Violations(error);
        Assert.Equal(["participant.full_name", "participant.organisation"], violations.Select(v => v.Field));
        Assert.Contains("U+0000", violations[0].Description);
        Assert.Contains("U+001B", violations[1].Description);
        Assert.Equal(0, await NominationsIn(batch));
    }

    [Fact]
    public async Task An_escape_in_a_full_name_is_refused_over_json_and_nothing_is_stored()
    {
        var batch = (await TestBatches.OpenAsync(stack)).BatchId;
        var request = TestBatches.Nomination(batch);
        request.Participant.FullName = "Sujata\u001bShrestha";
        using var http = stack.Http("registration");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);

        using var response = await http.PostAsync($"/api/v1/batches/{batch}/nominations", RefusedRequests.Json(JsonFormatter.Default.Format(request)), cts.Token);

        var violations = await RefusedRequests.ViolationsAsync(response, cts.Token);
        Assert.Equal("participant.full_name", Assert.Single(violations).Field);
        Assert.Contains("U+001B", violations[0].Description);
        Assert.Equal(0, await NominationsIn(batch));
    }

    [Fact]
    public async Task A_line_break_is_taken_in_free_text_and_refused_in_a_name()
    {
        var batch = (await TestBatches.OpenAsync(stack)).BatchId;
        var multiline = TestBatches.Nomination(batch);
        multiline.Participant.DietaryNeeds = "Halal.\r\nNo peanuts,\tplease.";
        var nomination = await _registration.NominateAsync(multiline, deadline: Deadline);
        Assert.Equal("Halal.\r\nNo peanuts,\tplease.", nomination.Participant.DietaryNeeds);

        var name = TestBatches.Nomination(batch);
        name.Participant.FullName = "Sujata\nShrestha";
        name.Participant.DietaryNeeds = "Halal\u0007";
        var error = await Assert.ThrowsAsync<RpcException>(() => _registration.NominateAsync(name, deadline: Deadline).ResponseAsync);
        Assert.Equal(["participant.full_name", "participant.dietary_needs"], RefusedRequests.Violations(error).Select(v => v.Field));
        Assert.Equal(1, await NominationsIn(batch));
    }

    [Fact]
    public async Task Control_characters_come_first_when_the_request_has_other_mistakes_too()
    {
        var batch = (await TestBatches.OpenAsync(stack)).BatchId;
        var request = TestBatches.Nomination(batch);
        request.Participant.FullName = "Sujata\0";
        request.Participant.Email = "not-an-email";

        var error = await Assert.ThrowsAsync<RpcException>(() => _registration.NominateAsync(request, deadline: Deadline).ResponseAsync);

        Assert.Equal("participant.full_name", RefusedRequests.Violations(error)[0].Field);
        Assert.Equal(0, await NominationsIn(batch));
    }

    [Fact]
    public async Task A_nul_in_a_venue_name_or_a_session_title_is_refused_over_grpc_and_nothing_is_stored()
    {
        var id = $"nul-venue-{Guid.NewGuid():N}"[..24];
        var venueError = await Assert.ThrowsAsync<RpcException>(() => _scheduling.Scheduling.CreateVenueAsync(new CreateVenueRequest
        {
            Venue = new Venue { VenueId = id, Name = "Balai\0Besar", City = "Bandung", Capacity = 40 },
        }, deadline: Deadline).ResponseAsync);
        Assert.Equal("venue.name", Assert.Single(RefusedRequests.Violations(venueError)).Field);
        var venues = await _scheduling.Scheduling.ListVenuesAsync(new ListVenuesRequest(), deadline: Deadline);
        Assert.DoesNotContain(venues.Venues, v => v.VenueId == id);

        var batch = (await TestBatches.OpenAsync(stack)).BatchId;
        var hall = await _scheduling.VenueAsync("hall", "Jakarta");
        var session = SchedulingFixtures.At(batch, hall, "Opening\0", 1, 2);
        var sessionError = await Assert.ThrowsAsync<RpcException>(() => _scheduling.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = session }, deadline: Deadline).ResponseAsync);
        Assert.Equal("session.title", Assert.Single(RefusedRequests.Violations(sessionError)).Field);
        var sessions = await _scheduling.Scheduling.ListSessionsAsync(new ListSessionsRequest { BatchId = batch, IncludeCancelled = true }, deadline: Deadline);
        Assert.Empty(sessions.Sessions);
    }

    [Fact]
    public async Task Over_json_an_escape_in_a_session_title_is_refused_and_line_breaks_in_its_description_are_taken()
    {
        var batch = (await TestBatches.OpenAsync(stack)).BatchId;
        var hall = await _scheduling.VenueAsync("hall", "Jakarta");
        using var http = stack.Http("scheduling");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);

        var refused = SchedulingFixtures.At(batch, hall, "Opening\u001b", 1, 2);
        refused.Description = "Welcome.\nThen the programme.";
        using (var response = await http.PostAsync($"/api/v1/batches/{batch}/sessions", RefusedRequests.Json(JsonFormatter.Default.Format(refused)), cts.Token))
        {
            var violations = await RefusedRequests.ViolationsAsync(response, cts.Token);
            Assert.Equal("session.title", Assert.Single(violations).Field);
            Assert.Contains("U+001B", violations[0].Description);
        }
        var sessions = await _scheduling.Scheduling.ListSessionsAsync(new ListSessionsRequest { BatchId = batch, IncludeCancelled = true }, deadline: Deadline);
        Assert.Empty(sessions.Sessions);

        var taken = SchedulingFixtures.At(batch, hall, "Opening", 1, 2);
        taken.Description = "Welcome.\r\n\tThen the programme.";
        using (var response = await http.PostAsync($"/api/v1/batches/{batch}/sessions", RefusedRequests.Json(JsonFormatter.Default.Format(taken)), cts.Token))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        var stored = await _scheduling.Scheduling.ListSessionsAsync(new ListSessionsRequest { BatchId = batch }, deadline: Deadline);
        Assert.Equal("Welcome.\r\n\tThen the programme.", Assert.Single(stored.Sessions).Description);
    }

    [Fact]
    public async Task A_control_character_in_a_webhook_secret_is_refused_over_grpc_and_json_and_nothing_is_stored()
    {
        var url = $"http://127.0.0.1:9/hooks/{Guid.NewGuid():N}";
        var request = new CreateWebhookSubscriptionRequest { Url = url, EventTypes = { "*" }, Secret = "whsec-0123456789-\u001b-abcdef" };

        var error = await Assert.ThrowsAsync<RpcException>(() => _notifications.CreateWebhookSubscriptionAsync(request, deadline: Deadline).ResponseAsync);
        Assert.Equal("secret", Assert.Single(RefusedRequests.Violations(error)).Field);

        using var http = stack.Http("notifications");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        request.Secret = "whsec-0123456789-\0-abcdef";
        using (var response = await http.PostAsync("/api/v1/webhooks", RefusedRequests.Json(JsonFormatter.Default.Format(request)), cts.Token))
        {
            var violations = await RefusedRequests.ViolationsAsync(response, cts.Token);
            Assert.Equal("secret", Assert.Single(violations).Field);
            Assert.Contains("U+0000", violations[0].Description);
        }

        var subscriptions = await _notifications.ListWebhookSubscriptionsAsync(new ListWebhookSubscriptionsRequest(), deadline: Deadline);
        Assert.DoesNotContain(subscriptions.Subscriptions, s => s.Url == url);
    }
}
