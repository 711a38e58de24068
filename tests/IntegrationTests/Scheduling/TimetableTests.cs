using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Ksst.Contracts.Scheduling.V1;
using SchedulingClient = Ksst.Contracts.Scheduling.V1.Scheduling.SchedulingClient;

namespace Ksst.IntegrationTests.Scheduling;

/// <summary>Sessions through the running Scheduling service: checks, dry runs, moves and their events.</summary>
[Collection(StackCollection.Name)]
public sealed class TimetableTests(StackFixture stack)
{
    private readonly SchedulingFixtures _fixtures = new(stack);
    private SchedulingClient Api => _fixtures.Scheduling;
    private static DateTime Day => SchedulingFixtures.Day;
    private static DateTime Deadline => SchedulingFixtures.Deadline;

    private Task<string> VenueAsync(string name, string city) => _fixtures.VenueAsync(name, city);

    private static Session At(string batch, string venue, string title, int startHour, int endHour) => SchedulingFixtures.At(batch, venue, title, startHour, endHour);

    [Fact]
    public async Task A_session_too_close_to_one_in_another_city_is_refused_with_the_conflict_named()
    {
        var batch = (await TestBatches.OpenAsync(stack)).BatchId;
        var jakarta = await VenueAsync("kemenperin", "Jakarta");
        var bandung = await VenueAsync("bbt", "Bandung");
        await using var events = await BrokerSubscription.StartAsync(stack, "ksst.scheduling.session-rescheduled.v1");

        var classInJakarta = await Api.ScheduleSessionAsync(new ScheduleSessionRequest { Session = At(batch, jakarta, "Export class", 2, 5) }, deadline: Deadline);
        var workshop = At(batch, bandung, "Jumputan workshop", 6, 8);

        var dryRun = await Api.CheckSessionAsync(new CheckSessionRequest { Session = workshop }, deadline: Deadline);
        var conflict = Assert.Single(dryRun.Conflicts);
        Assert.Equal(("TRAVEL_TIME", classInJakarta.SessionId), (conflict.Kind, conflict.SessionId));

        var error = await Assert.ThrowsAsync<RpcException>(() => Api.ScheduleSessionAsync(new ScheduleSessionRequest { Session = workshop }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Equal($"sessions/{classInJakarta.SessionId}", violation.Subject);

        workshop.Start = Timestamp.FromDateTime(Day.AddHours(8));
        workshop.End = Timestamp.FromDateTime(Day.AddHours(10));
        var scheduled = await Api.ScheduleSessionAsync(new ScheduleSessionRequest { Session = workshop }, deadline: Deadline);
        Assert.Equal("Bandung", scheduled.City);

        // Moving the workshop later is fine and announced with old and new times.
        await Api.RescheduleSessionAsync(new RescheduleSessionRequest
        {
            SessionId = scheduled.SessionId, Start = Timestamp.FromDateTime(Day.AddHours(9)), End = Timestamp.FromDateTime(Day.AddHours(11)),
        }, deadline: Deadline);
        var body = await events.WaitForAsync(scheduled.SessionId, StackFixture.Timeout);
        Assert.Contains("\"oldStart\"", body);
        Assert.Contains("\"newStart\"", body);

        // Moving it back next to Jakarta is refused; cancelling the class then frees the way.
        var move = new RescheduleSessionRequest { SessionId = scheduled.SessionId, Start = Timestamp.FromDateTime(Day.AddHours(6)), End = Timestamp.FromDateTime(Day.AddHours(8)) };
        Assert.Equal(StatusCode.FailedPrecondition, (await Assert.ThrowsAsync<RpcException>(() => Api.RescheduleSessionAsync(move, deadline: Deadline).ResponseAsync)).StatusCode);
        await Api.CancelSessionAsync(new CancelSessionRequest { SessionId = classInJakarta.SessionId, Reason = "Speaker unavailable" }, deadline: Deadline);
        await Api.RescheduleSessionAsync(move, deadline: Deadline);

        var sessions = await Api.ListSessionsAsync(new ListSessionsRequest { BatchId = batch }, deadline: Deadline);
        Assert.Equal([scheduled.SessionId], sessions.Sessions.Select(s => s.SessionId));
    }

    [Fact]
    public async Task A_malformed_session_names_its_fields_and_an_unknown_venue_is_not_found()
    {
        var bad = new Session { BatchId = "b", Title = "", Kind = SessionKind.Travel, VenueId = "v", Start = Timestamp.FromDateTime(Day.AddHours(5)), End = Timestamp.FromDateTime(Day.AddHours(4)) };
        var error = await Assert.ThrowsAsync<RpcException>(() => Api.ScheduleSessionAsync(new ScheduleSessionRequest { Session = bad }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["session.title", "session.from_city", "session.end"], error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));

        var unknownVenue = At("b", "no-such-venue", "Class", 1, 2);
        var missing = await Assert.ThrowsAsync<RpcException>(() => Api.ScheduleSessionAsync(new ScheduleSessionRequest { Session = unknownVenue }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }
}
