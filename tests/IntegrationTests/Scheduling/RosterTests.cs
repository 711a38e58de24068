using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using SchedulingClient = Ksst.Contracts.Scheduling.V1.Scheduling.SchedulingClient;

namespace Ksst.IntegrationTests.Scheduling;

/// <summary>Scheduling's roster follows Registration's decisions through the broker.</summary>
[Collection(StackCollection.Name)]
public sealed class RosterTests(StackFixture stack)
{
    [Fact]
    public async Task The_roster_follows_acceptance_confirmation_and_withdrawal()
    {
        var batch = await TestBatches.OpenAsync(stack, admitOnArrival: true);
        var nominations = new NominationsClient(stack.Channel("registration"));
        var scheduling = new SchedulingClient(stack.Channel("scheduling"));
        var deadline = DateTime.UtcNow + StackFixture.Timeout;

        var nomination = await nominations.NominateAsync(TestBatches.Nomination(batch.BatchId, "MN"), deadline: deadline);
        await RosterStatusAsync("Accepted");
        await nominations.ConfirmNominationAsync(new ChangeNominationRequest { NominationId = nomination.NominationId }, deadline: deadline);
        await RosterStatusAsync("Confirmed");
        await nominations.WithdrawNominationAsync(new ChangeNominationRequest { NominationId = nomination.NominationId }, deadline: deadline);
        await RosterStatusAsync("Withdrawn");

        Task<RosterEntry> RosterStatusAsync(string status) => Eventually.Get(async ct =>
            (await scheduling.ListRosterAsync(new ListRosterRequest { BatchId = batch.BatchId }, cancellationToken: ct))
                .Entries.FirstOrDefault(e => e.NominationId == nomination.NominationId && e.Status == status),
            StackFixture.Timeout, $"the roster entry {status}");
    }
}
