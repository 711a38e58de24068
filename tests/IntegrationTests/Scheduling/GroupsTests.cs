using System.Text.Json;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;

namespace Ksst.IntegrationTests.Scheduling;

/// <summary>Groups for rotations: a balanced split, group sessions and their audience, and a withdrawal.</summary>
[Collection(StackCollection.Name)]
public sealed class GroupsTests(StackFixture stack)
{
    private readonly SchedulingFixtures _fixtures = new(stack);

    private static DateTime Deadline => SchedulingFixtures.Deadline;

    [Fact]
    public async Task Confirmed_participants_split_by_country_and_a_withdrawn_one_leaves_group_and_itinerary()
    {
        var batch = (await TestBatches.OpenAsync(stack, admitOnArrival: true)).BatchId;
        var participants = await _fixtures.ParticipantsAsync(batch, ["NP", "NP", "LK", "LK", "BT", "IN"], confirm: true);
        await using var events = await BrokerSubscription.StartAsync(stack, "ksst.scheduling.session-scheduled.v1");

        var split = await _fixtures.Scheduling.SplitIntoGroupsAsync(new SplitIntoGroupsRequest { BatchId = batch, GroupCount = 2 }, deadline: Deadline);
        Assert.Equal(["A", "B"], split.Groups.Select(g => g.Name));
        Assert.All(split.Groups, g => Assert.Equal(3, g.NominationIds.Count));
        Assert.All(split.Groups, g => Assert.Equal(1, g.Countries["NP"]));
        Assert.All(split.Groups, g => Assert.Equal(1, g.Countries["LK"]));

        var groupA = split.Groups[0];
        var lab = await _fixtures.VenueAsync("bbt-lab", "Bandung");
        var workshop = SchedulingFixtures.At(batch, lab, "Jumputan workshop", 2, 5);
        workshop.Kind = SessionKind.Workshop;
        workshop.Groups.Add("A");
        workshop.Capacity = 3;
        var scheduled = await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = workshop }, deadline: Deadline);

        // The event names exactly group A's members.
        using var scheduledEvent = JsonDocument.Parse(await events.WaitForAsync(scheduled.SessionId, StackFixture.Timeout));
        var affected = scheduledEvent.RootElement.GetProperty("message").GetProperty("affectedNominationIds").EnumerateArray().Select(e => e.GetString()).Order();
        Assert.Equal(groupA.NominationIds.Order(), affected);

        // A fourth member would not fit the workshop.
        var memberOfB = split.Groups[1].NominationIds[0];
        var full = await Assert.ThrowsAsync<RpcException>(() => _fixtures.Scheduling.AssignToGroupAsync(
            new AssignToGroupRequest { BatchId = batch, NominationId = memberOfB, Group = "A" }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, full.StatusCode);

        // Group A's member withdraws: out of the group, and their itinerary is empty.
        var leaving = groupA.NominationIds[0];
        var before = await _fixtures.Scheduling.GetItineraryAsync(new GetItineraryRequest { BatchId = batch, NominationId = leaving }, deadline: Deadline);
        Assert.Contains(before.Days.SelectMany(d => d.Items), i => i.Session.SessionId == scheduled.SessionId);
        await _fixtures.Nominations.WithdrawNominationAsync(new ChangeNominationRequest { NominationId = leaving }, deadline: Deadline);
        await Eventually.Get(async ct =>
        {
            var groups = await _fixtures.Scheduling.ListGroupsAsync(new ListGroupsRequest { BatchId = batch }, cancellationToken: ct);
            return groups.Groups.All(g => !g.NominationIds.Contains(leaving)) ? groups : null;
        }, StackFixture.Timeout, "the withdrawn participant to leave group A");
        var after = await _fixtures.Scheduling.GetItineraryAsync(new GetItineraryRequest { BatchId = batch, NominationId = leaving }, deadline: Deadline);
        Assert.Equal(("Withdrawn", ""), (after.Status, after.Group));
        Assert.Empty(after.Days);

        // Now there is room in A again.
        var moved = await _fixtures.Scheduling.AssignToGroupAsync(new AssignToGroupRequest { BatchId = batch, NominationId = memberOfB, Group = "A" }, deadline: Deadline);
        Assert.Contains(memberOfB, moved.Groups.Single(g => g.Name == "A").NominationIds);
        Assert.DoesNotContain(participants, p => p.NominationId == leaving && moved.Groups.Any(g => g.NominationIds.Contains(leaving)));
    }

    [Fact]
    public async Task Splitting_asks_for_between_one_and_twenty_six_groups_and_keeps_groups_sessions_still_use()
    {
        var bad = await Assert.ThrowsAsync<RpcException>(() => _fixtures.Scheduling.SplitIntoGroupsAsync(
            new SplitIntoGroupsRequest { BatchId = "", GroupCount = 27 }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(["batch_id", "group_count"], bad.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));

        var batch = (await TestBatches.OpenAsync(stack)).BatchId;
        await _fixtures.Scheduling.SplitIntoGroupsAsync(new SplitIntoGroupsRequest { BatchId = batch, GroupCount = 3 }, deadline: Deadline);
        var lab = await _fixtures.VenueAsync("lab", "Bandung");
        var forC = SchedulingFixtures.At(batch, lab, "CNC machine", 2, 4);
        forC.Groups.Add("C");
        await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = forC }, deadline: Deadline);

        var inUse = await Assert.ThrowsAsync<RpcException>(() => _fixtures.Scheduling.SplitIntoGroupsAsync(
            new SplitIntoGroupsRequest { BatchId = batch, GroupCount = 2 }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, inUse.StatusCode);
        Assert.Equal("GROUP_IN_USE", Assert.Single(inUse.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>().Violations).Type);
    }
}
