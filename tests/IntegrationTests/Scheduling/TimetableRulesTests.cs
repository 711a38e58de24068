using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Ksst.Contracts.Scheduling.V1;

namespace Ksst.IntegrationTests.Scheduling;

/// <summary>The batch's dates, capacities and speakers, checked by the running service.</summary>
[Collection(StackCollection.Name)]
public sealed class TimetableRulesTests(StackFixture stack)
{
    private readonly SchedulingFixtures _fixtures = new(stack);

    private static DateTime Deadline => SchedulingFixtures.Deadline;

    [Fact]
    public async Task A_dry_run_reports_dates_outside_the_batch_and_an_audience_larger_than_the_venue()
    {
        var batch = (await TestBatches.OpenAsync(stack, admitOnArrival: true)).BatchId;
        await _fixtures.ParticipantsAsync(batch, ["NP", "LK", "BT"], confirm: false);
        var smallRoom = await _fixtures.VenueAsync("meeting-room", "Jakarta", capacity: 2);
        var proposal = SchedulingFixtures.At(batch, smallRoom, "Export class", 2, 4);
        proposal.Start = Timestamp.FromDateTime(SchedulingFixtures.Day.AddDays(30));
        proposal.End = Timestamp.FromDateTime(SchedulingFixtures.Day.AddDays(30).AddHours(2));

        var check = await _fixtures.Scheduling.CheckSessionAsync(new CheckSessionRequest { Session = proposal }, deadline: Deadline);
        Assert.Equal(
            [("OUTSIDE_BATCH_DATES", $"batches/{batch}"), ("OVER_CAPACITY", $"venues/{smallRoom}")],
            check.Conflicts.Select(c => (c.Kind, c.Subject)).Order());

        // The same refusal through JSON transcoding: HTTP 400 with the PreconditionFailure.
        using var http = stack.Http("scheduling");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var response = await http.PostAsync($"/api/v1/batches/{batch}/sessions",
            new StringContent(Google.Protobuf.JsonFormatter.Default.Format(proposal), System.Text.Encoding.UTF8, "application/json"), cts.Token);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
        Assert.Equal((int)StatusCode.FailedPrecondition, body.GetProperty("code").GetInt32());
        var violations = body.GetProperty("details")[0].GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("type").GetString()).Order();
        Assert.Equal(["OUTSIDE_BATCH_DATES", "OVER_CAPACITY"], violations);

        // Within the dates, with a session capacity that admits the audience, it is scheduled.
        var hall = await _fixtures.VenueAsync("hall", "Jakarta", capacity: 40);
        var fits = SchedulingFixtures.At(batch, hall, "Export class", 2, 4);
        fits.Capacity = 3;
        var scheduled = await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = fits }, deadline: Deadline);
        Assert.Equal(3, scheduled.Capacity);
    }

    [Fact]
    public async Task A_host_in_two_places_at_once_is_refused_and_unknown_speakers_batches_and_groups_are_not_found()
    {
        var batch = (await TestBatches.OpenAsync(stack)).BatchId;
        var host = await _fixtures.SpeakerAsync("ditjen-ikm");
        var hall = await _fixtures.VenueAsync("hall", "Jakarta");
        var lab = await _fixtures.VenueAsync("lab", "Jakarta");
        var opening = SchedulingFixtures.At(batch, hall, "Opening", 1, 2);
        opening.HostId = host;
        var first = await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = opening }, deadline: Deadline);

        var clash = SchedulingFixtures.At(batch, lab, "Policy class", 1, 3);
        clash.Groups.Add("A");
        clash.Speakers.Add(host);
        var notYet = await Assert.ThrowsAsync<RpcException>(() => _fixtures.Scheduling.CheckSessionAsync(new CheckSessionRequest { Session = clash }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notYet.StatusCode); // Group A does not exist yet.

        clash.Groups.Clear();
        var error = await Assert.ThrowsAsync<RpcException>(() => _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = clash }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var violations = error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations;
        Assert.Contains(violations, v => v.Type == "SPEAKER_OVERLAP" && v.Subject == $"sessions/{first.SessionId}");

        clash.Speakers.Clear();
        clash.Speakers.Add("nobody-we-know");
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = clash }, deadline: Deadline).ResponseAsync)).StatusCode);

        var unknownBatch = SchedulingFixtures.At("no-such-batch", hall, "Class", 5, 6);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = unknownBatch }, deadline: Deadline).ResponseAsync)).StatusCode);

        var duplicate = await Assert.ThrowsAsync<RpcException>(() => _fixtures.Scheduling.CreateSpeakerAsync(
            new CreateSpeakerRequest { Speaker = new Speaker { SpeakerId = host, Name = "Again" } }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
    }
}
