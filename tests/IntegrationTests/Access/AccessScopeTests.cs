using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using ProgrammesClient = Ksst.Contracts.Registration.V1.Programmes.ProgrammesClient;
using SchedulingClient = Ksst.Contracts.Scheduling.V1.Scheduling.SchedulingClient;

namespace Ksst.IntegrationTests.Access;

/// <summary>
/// Each caller reaches only its part: an agency its own country's nominations, a participant
/// their own nomination and itinerary, an organiser their own programmes' batches; anything
/// else answers as if it did not exist (NOT_FOUND) or, for the public catalogue, PERMISSION_DENIED.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class AccessScopeTests(StackFixture stack)
{
    private const string Batch3 = "ksst-sme-2018";
    private const string Nimali = "nimali.perera@ksst-demo.example";
    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        return error.StatusCode;
    }

    private async Task<Nomination> NominateAsync(Batch batch, string country)
    {
        var request = TestBatches.Nomination(batch.BatchId, country);
        return await new NominationsClient(stack.Channel("registration")).NominateAsync(request, deadline: Deadline);
    }

    [Fact]
    public async Task An_agency_of_LK_cannot_see_withdraw_or_nominate_for_PK()
    {
        var batch = await TestBatches.OpenAsync(stack, capacity: 10, quota: 3);
        var pk = await NominateAsync(batch, "PK");
        var lk = await NominateAsync(batch, "LK");
        var agency = new NominationsClient(stack.Channel("registration", "agency"));

        Assert.Equal(StatusCode.NotFound, await StatusOf(() => agency.GetNominationAsync(new GetNominationRequest { NominationId = pk.NominationId }, deadline: Deadline).ResponseAsync));
        Assert.Equal(StatusCode.NotFound, await StatusOf(() => agency.WithdrawNominationAsync(new ChangeNominationRequest { NominationId = pk.NominationId }, deadline: Deadline).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => agency.NominateAsync(TestBatches.Nomination(batch.BatchId, "PK"), deadline: Deadline).ResponseAsync));
        var listed = await agency.ListNominationsAsync(new ListNominationsRequest { BatchId = batch.BatchId }, deadline: Deadline);
        Assert.Equal([lk.NominationId], listed.Nominations.Select(n => n.NominationId));
        var counts = await agency.CountNominationsAsync(new CountNominationsRequest { BatchId = batch.BatchId }, deadline: Deadline);
        Assert.All(counts.Counts, c => Assert.Equal("LK", c.Country));

        // What it may do: its own country's nomination, read and withdrawn.
        Assert.Equal(lk.NominationId, (await agency.GetNominationAsync(new GetNominationRequest { NominationId = lk.NominationId }, deadline: Deadline)).NominationId);
        Assert.Equal(Contracts.Registration.V1.NominationStatus.Withdrawn,
            (await agency.WithdrawNominationAsync(new ChangeNominationRequest { NominationId = lk.NominationId }, deadline: Deadline)).Status);
        var own = await agency.NominateAsync(TestBatches.Nomination(batch.BatchId, "LK"), deadline: Deadline);
        Assert.Equal("LK", own.NominatingCountry);

        // The PK nomination was left as it was.
        var organiser = new NominationsClient(stack.Channel("registration"));
        Assert.Equal(pk.Status, (await organiser.GetNominationAsync(new GetNominationRequest { NominationId = pk.NominationId }, deadline: Deadline)).Status);
    }

    [Fact]
    public async Task An_agency_cannot_nominate_to_a_batch_that_does_not_list_its_country()
    {
        var batch = await TestBatches.OpenAsync(stack, eligible: ["PK", "NP"]);
        var agency = new NominationsClient(stack.Channel("registration", "agency"));
        var error = await Assert.ThrowsAsync<RpcException>(() => agency.NominateAsync(TestBatches.Nomination(batch.BatchId, "LK"), deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var listed = await new NominationsClient(stack.Channel("registration")).ListNominationsAsync(new ListNominationsRequest { BatchId = batch.BatchId }, deadline: Deadline);
        Assert.Empty(listed.Nominations);
    }

    [Fact]
    public async Task An_organiser_of_another_programme_reaches_none_of_its_batches()
    {
        var batch = await TestBatches.OpenAsync(stack);
        var nomination = await NominateAsync(batch, "NP");
        var other = new NominationsClient(stack.Channel("registration", "organiser-other"));
        Assert.Equal(StatusCode.NotFound, await StatusOf(() => other.GetNominationAsync(new GetNominationRequest { NominationId = nomination.NominationId }, deadline: Deadline).ResponseAsync));
        Assert.Equal(StatusCode.NotFound, await StatusOf(() => other.AcceptNominationAsync(new ChangeNominationRequest { NominationId = nomination.NominationId }, deadline: Deadline).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => other.ListNominationsAsync(new ListNominationsRequest { BatchId = batch.BatchId }, deadline: Deadline).ResponseAsync));
        var programmes = new ProgrammesClient(stack.Channel("registration", "organiser-other"));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => programmes.ChangeBatchStatusAsync(
            new ChangeBatchStatusRequest { BatchId = batch.BatchId, Status = Contracts.Registration.V1.BatchStatus.Closed }, deadline: Deadline).ResponseAsync));
        Assert.Equal(batch.BatchId, (await programmes.GetBatchAsync(new GetBatchRequest { BatchId = batch.BatchId }, deadline: Deadline)).BatchId);
        var scheduling = new SchedulingClient(stack.Channel("scheduling", "organiser-other"));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => scheduling.ListRosterAsync(new ListRosterRequest { BatchId = batch.BatchId }, deadline: Deadline).ResponseAsync));
    }

    [Fact]
    public async Task A_participant_reads_their_own_nomination_and_itinerary_and_nobody_elses()
    {
        var everyone = await new NominationsClient(stack.Channel("registration"))
            .ListNominationsAsync(new ListNominationsRequest { BatchId = Batch3, PageSize = 100 }, deadline: Deadline);
        var mine = everyone.Nominations.Single(n => n.Participant.Email == Nimali);
        var theirs = everyone.Nominations.First(n => n.Participant.Email != Nimali && n.Status == Contracts.Registration.V1.NominationStatus.Confirmed);

        var registration = new NominationsClient(stack.Channel("registration", "participant"));
        Assert.Equal(mine.NominationId, (await registration.GetNominationAsync(new GetNominationRequest { NominationId = mine.NominationId }, deadline: Deadline)).NominationId);
        Assert.Equal(StatusCode.NotFound, await StatusOf(() => registration.GetNominationAsync(new GetNominationRequest { NominationId = theirs.NominationId }, deadline: Deadline).ResponseAsync));
        var listed = await registration.ListNominationsAsync(new ListNominationsRequest { BatchId = Batch3 }, deadline: Deadline);
        Assert.Equal([mine.NominationId], listed.Nominations.Select(n => n.NominationId));

        var scheduling = new SchedulingClient(stack.Channel("scheduling", "participant"));
        var itinerary = await scheduling.GetItineraryAsync(new GetItineraryRequest { BatchId = Batch3, NominationId = mine.NominationId }, deadline: Deadline);
        Assert.NotEmpty(itinerary.Days);
        Assert.Equal(StatusCode.NotFound, await StatusOf(() => scheduling.GetItineraryAsync(
            new GetItineraryRequest { BatchId = Batch3, NominationId = theirs.NominationId }, deadline: Deadline).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => scheduling.GetAgendaAsync(new GetAgendaRequest { BatchId = Batch3 }, deadline: Deadline).ResponseAsync));
    }

    [Fact]
    public async Task Only_notifications_may_read_a_participants_contact()
    {
        var batch = await TestBatches.OpenAsync(stack);
        var nomination = await NominateAsync(batch, "NP");
        var request = new GetParticipantContactRequest { NominationId = nomination.NominationId };
        foreach (var caller in new[] { "organiser", "scheduling", "ops", "agency-np" })
        {
            var client = new NominationsClient(stack.Channel("registration", caller));
            Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => client.GetParticipantContactAsync(request, deadline: Deadline).ResponseAsync));
        }
        var contact = await new NominationsClient(stack.Channel("registration", "notifications")).GetParticipantContactAsync(request, deadline: Deadline);
        Assert.Equal(nomination.Participant.Email, contact.Email);
    }
}
