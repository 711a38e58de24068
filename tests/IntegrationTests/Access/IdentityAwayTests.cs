using Aspire.Hosting.Testing;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using SchedulingClient = Ksst.Contracts.Scheduling.V1.Scheduling.SchedulingClient;

namespace Ksst.IntegrationTests.Access;

/// <summary>
/// The services verify tokens offline from the keys they fetched at start, so while the identity
/// service is away a caller with a still-valid token is served, and calls between services made
/// with the tokens they already hold go on; once it is back, new tokens are issued again. A
/// personal API token, which only the identity service can check, is UNAVAILABLE meanwhile.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class IdentityAwayTests(StackFixture stack)
{
    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    [Fact]
    public async Task Calls_with_still_valid_tokens_go_on_while_the_identity_service_restarts()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout * 3);
        var organiser = new NominationsClient(stack.Channel("registration"));
        var batch = await TestBatches.OpenAsync(stack, admitOnArrival: true);
        var first = await organiser.NominateAsync(TestBatches.Nomination(batch.BatchId), deadline: Deadline);
        // Scheduling has fetched its own token to reconcile with Registration by now.
        await new SchedulingClient(stack.Channel("scheduling")).ReconcileRosterAsync(new ReconcileRosterRequest { BatchId = batch.BatchId }, deadline: Deadline);
        var participantToken = await stack.TokenAsync("participant", cts.Token);
        var apiToken = await stack.TokenAsync("agency-api-token", cts.Token);
        var asAgency = new Grpc.Core.Metadata { { "authorization", $"Bearer {apiToken}" } };
        Assert.NotNull(await new NominationsClient(stack.AnonymousChannel("registration")).ListNominationsAsync(new ListNominationsRequest { BatchId = batch.BatchId }, asAgency, Deadline));

        await stack.StopAsync("identity");
        try
        {
            var second = await organiser.NominateAsync(TestBatches.Nomination(batch.BatchId), deadline: Deadline);
            Assert.NotEqual(first.NominationId, second.NominationId);
            var reconciled = await new SchedulingClient(stack.Channel("scheduling")).ReconcileRosterAsync(new ReconcileRosterRequest { BatchId = batch.BatchId }, deadline: Deadline);
            Assert.NotNull(reconciled);
            // The roster follows the second nomination's events, which need no token at all.
            var scheduling = new SchedulingClient(stack.Channel("scheduling"));
            var roster = await Eventually.Get(async ct =>
            {
                var listed = await scheduling.ListRosterAsync(new ListRosterRequest { BatchId = batch.BatchId }, deadline: Deadline, cancellationToken: ct);
                return listed.Entries.Count == 2 ? listed : null;
            }, StackFixture.Timeout, "both nominations on the roster");
            Assert.Equal(2, roster.Entries.Count);
            var participant = new NominationsClient(stack.AnonymousChannel("registration"));
            var own = await participant.ListNominationsAsync(new ListNominationsRequest { BatchId = "ksst-sme-2018" },
                new Grpc.Core.Metadata { { "authorization", $"Bearer {participantToken}" } }, Deadline);
            Assert.Single(own.Nominations);
            // An API token cannot be checked without the identity service: UNAVAILABLE (retry later), never let through.
            var unchecked_ = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => new NominationsClient(stack.AnonymousChannel("registration"))
                .ListNominationsAsync(new ListNominationsRequest { BatchId = batch.BatchId }, asAgency, Deadline).ResponseAsync);
            Assert.Equal(Grpc.Core.StatusCode.Unavailable, unchecked_.StatusCode);
        }
        finally
        {
            await stack.StartAsync("identity");
        }
        var fresh = new StackHarness.DemoTokens(stack.App.GetEndpoint("identity", "http"), stack.DataRoot);
        Assert.NotEmpty(await fresh.ForClientAsync(StackHarness.DemoTokens.Ops, cts.Token));
    }
}
