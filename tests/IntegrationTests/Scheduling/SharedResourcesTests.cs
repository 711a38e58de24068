using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Ksst.Contracts.Scheduling.V1;

namespace Ksst.IntegrationTests.Scheduling;

/// <summary>
/// Venues, hosts and speakers are shared by all batches: the running service refuses to book one
/// into sessions of two batches at once, naming the other batch's session. Audiences are per batch.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class SharedResourcesTests(StackFixture stack)
{
    private readonly SchedulingFixtures _fixtures = new(stack);

    private static DateTime Deadline => SchedulingFixtures.Deadline;

    private static Session At(string batch, string venue, string title, int startHour, int endHour) => SchedulingFixtures.At(batch, venue, title, startHour, endHour);

    [Fact]
    public async Task A_venue_host_or_speaker_in_another_batchs_session_is_a_conflict_naming_it()
    {
        var batchX = (await TestBatches.OpenAsync(stack)).BatchId;
        var batchY = (await TestBatches.OpenAsync(stack)).BatchId;
        var hall = await _fixtures.VenueAsync("hall", "Jakarta");
        var lab = await _fixtures.VenueAsync("lab", "Jakarta");
        var annex = await _fixtures.VenueAsync("annex", "Jakarta");
        var host = await _fixtures.SpeakerAsync("ditjen-ikm");
        var speaker = await _fixtures.SpeakerAsync("lpei");
        var exportClass = At(batchX, hall, "Export class", 2, 4);
        exportClass.HostId = host;
        exportClass.Speakers.Add(speaker);
        var inX = await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = exportClass }, deadline: Deadline);

        // The dry run in batch Y names X's session for the venue, the host and the speaker.
        var sameVenue = At(batchY, hall, "Policy class", 3, 5);
        var check = await _fixtures.Scheduling.CheckSessionAsync(new CheckSessionRequest { Session = sameVenue }, deadline: Deadline);
        var venueConflict = Assert.Single(check.Conflicts);
        Assert.Equal(("VENUE_OVERLAP", inX.SessionId, $"sessions/{inX.SessionId}"), (venueConflict.Kind, venueConflict.SessionId, venueConflict.Subject));
        Assert.Contains($"'Export class' of batch {batchX}", venueConflict.Description);

        var sameHost = At(batchY, lab, "Trade class", 3, 5);
        sameHost.HostId = host;
        var hostError = await Assert.ThrowsAsync<RpcException>(() => _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = sameHost }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, hostError.StatusCode);
        var hostViolation = Assert.Single(hostError.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Equal(("SPEAKER_OVERLAP", $"sessions/{inX.SessionId}"), (hostViolation.Type, hostViolation.Subject));
        Assert.Contains(batchX, hostViolation.Description);

        // Back to back with X's session, the speaker is free; moving into it is refused.
        var sameSpeaker = At(batchY, lab, "Finance class", 4, 6);
        sameSpeaker.Speakers.Add(speaker);
        var inY = await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = sameSpeaker }, deadline: Deadline);
        var move = new RescheduleSessionRequest
        {
            SessionId = inY.SessionId, Start = Timestamp.FromDateTime(SchedulingFixtures.Day.AddHours(3)), End = Timestamp.FromDateTime(SchedulingFixtures.Day.AddHours(5)),
        };
        var moveError = await Assert.ThrowsAsync<RpcException>(() => _fixtures.Scheduling.RescheduleSessionAsync(move, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, moveError.StatusCode);
        var moveViolation = Assert.Single(moveError.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Equal(("SPEAKER_OVERLAP", $"sessions/{inX.SessionId}"), (moveViolation.Type, moveViolation.Subject));

        // Audiences are per batch: Y's whole batch may sit in a class while X's does.
        await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = At(batchY, annex, "Opening", 2, 3) }, deadline: Deadline);

        // Cancelling X's session frees the venue and the people for Y.
        await _fixtures.Scheduling.CancelSessionAsync(new CancelSessionRequest { SessionId = inX.SessionId, Reason = "Moved to another week" }, deadline: Deadline);
        move.VenueId = hall;
        var moved = await _fixtures.Scheduling.RescheduleSessionAsync(move, deadline: Deadline);
        Assert.Equal(hall, moved.VenueId);
    }

    [Fact]
    public async Task Through_JSON_another_batchs_session_in_the_venue_is_HTTP_400_with_its_PreconditionFailure()
    {
        var batchX = (await TestBatches.OpenAsync(stack)).BatchId;
        var batchY = (await TestBatches.OpenAsync(stack)).BatchId;
        var hall = await _fixtures.VenueAsync("hall", "Jakarta");
        var inX = await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = At(batchX, hall, "Export class", 2, 4) }, deadline: Deadline);
        var proposal = JsonFormatter.Default.Format(At(batchY, hall, "Policy class", 1, 3));

        using var http = stack.Http("scheduling");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var check = await http.PostAsync($"/api/v1/batches/{batchY}/sessions:check", Json(proposal), cts.Token);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var conflict = Assert.Single((await check.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("conflicts").EnumerateArray());
        Assert.Equal(("VENUE_OVERLAP", $"sessions/{inX.SessionId}"), (conflict.GetProperty("kind").GetString(), conflict.GetProperty("subject").GetString()));

        var response = await http.PostAsync($"/api/v1/batches/{batchY}/sessions", Json(proposal), cts.Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
        Assert.Equal((int)StatusCode.FailedPrecondition, body.GetProperty("code").GetInt32());
        var violation = Assert.Single(body.GetProperty("details")[0].GetProperty("violations").EnumerateArray());
        Assert.Equal(("VENUE_OVERLAP", $"sessions/{inX.SessionId}"), (violation.GetProperty("type").GetString(), violation.GetProperty("subject").GetString()));
        Assert.Contains($"'Export class' of batch {batchX}", violation.GetProperty("description").GetString());

        var sessions = await _fixtures.Scheduling.ListSessionsAsync(new ListSessionsRequest { BatchId = batchY }, deadline: Deadline);
        Assert.Empty(sessions.Sessions);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
