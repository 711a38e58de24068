using System.Text.Json.Nodes;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using SchedulingClient = Ksst.Contracts.Scheduling.V1.Scheduling.SchedulingClient;

namespace Ksst.IntegrationTests.Scheduling;

/// <summary>
/// The roster applies Registration's news by the nomination's version, not by its time. A clock
/// cannot be stepped inside the running Registration, so the test publishes, beside the real
/// events, what a Registration with a wrong clock would: the real acceptance again stamped a day
/// later, then the next version (a withdrawal) stamped a day earlier, both in the documented
/// wire format on the documented exchanges.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class RosterOrderTests(StackFixture stack)
{
    private const string Accepted = "ksst.registration.participant-accepted.v1";
    private const string Withdrawn = "ksst.registration.participant-withdrawn.v1";

    [Fact]
    public async Task An_older_version_stamped_later_changes_nothing_and_a_newer_one_stamped_earlier_is_applied()
    {
        await using var events = await BrokerSubscription.StartAsync(stack, Accepted);
        var batch = await TestBatches.OpenAsync(stack, admitOnArrival: true);
        var nominations = new NominationsClient(stack.Channel("registration"));
        var scheduling = new SchedulingClient(stack.Channel("scheduling"));
        var nomination = await nominations.NominateAsync(TestBatches.Nomination(batch.BatchId, "MV"), deadline: DateTime.UtcNow + StackFixture.Timeout);
        var acceptance = await events.WaitForDeliveryAsync(nomination.NominationId, StackFixture.Timeout);
        var confirmed = await nominations.ConfirmNominationAsync(
            new ChangeNominationRequest { NominationId = nomination.NominationId }, deadline: DateTime.UtcNow + StackFixture.Timeout);
        Assert.Equal(3, confirmed.Version); // Nominated 1, accepted on arrival 2, confirmed 3.
        var entry = await EntryAsync(e => e.Status == "Confirmed" && e.Version == 3, "the entry Confirmed at version 3");

        // Version 2 again, as a new event stamped a day later: overtaken, it changes nothing.
        var aDayLater = entry.StatusChangedAt.ToDateTimeOffset().AddDays(1);
        await events.PublishAsync(acceptance, Accepted, Rewrite(acceptance.Body, "ParticipantAccepted", 2, aDayLater, out var lateId), lateId);
        await events.WaitUntilConsumedAsync("scheduling-participant-accepted", StackFixture.Timeout);
        using (var settle = new CancellationTokenSource(StackFixture.Timeout))
        {
            await Task.Delay(TimeSpan.FromSeconds(2), settle.Token); // Let a wrong change land, were there one.
        }
        await EntryAsync(e => e.Status == "Confirmed" && e.Version == 3, "the entry still Confirmed at version 3");

        // Version 4 stamped a day earlier, as after a clock stepped back: news, it is applied.
        var aDayEarlier = entry.StatusChangedAt.ToDateTimeOffset().AddDays(-1);
        await events.PublishAsync(acceptance, Withdrawn, Rewrite(acceptance.Body, "ParticipantWithdrawn", 4, aDayEarlier, out var earlyId), earlyId);
        var withdrawn = await EntryAsync(e => e.Status == "Withdrawn", "the entry Withdrawn");
        Assert.Equal((4L, aDayEarlier), (withdrawn.Version, withdrawn.StatusChangedAt.ToDateTimeOffset()));

        Task<RosterEntry> EntryAsync(Func<RosterEntry, bool> matches, string what) => Eventually.Get(async ct =>
            (await scheduling.ListRosterAsync(new ListRosterRequest { BatchId = batch.BatchId }, cancellationToken: ct))
                .Entries.FirstOrDefault(e => e.NominationId == nomination.NominationId && matches(e)),
            StackFixture.Timeout, what);
    }

    /// <summary>The envelope <paramref name="body"/> as a new event of <paramref name="type"/> with the given version and time.</summary>
    private static string Rewrite(string body, string type, long version, DateTimeOffset occurredAt, out Guid eventId)
    {
        eventId = Guid.CreateVersion7();
        var envelope = JsonNode.Parse(body)!.AsObject();
        envelope["messageId"] = eventId.ToString();
        envelope["correlationId"] = eventId.ToString();
        envelope["messageType"] = new JsonArray($"urn:message:Ksst.Contracts.Events:{type}");
        var message = envelope["message"]!.AsObject();
        message["eventId"] = eventId.ToString();
        message["occurredAt"] = occurredAt.ToString("O");
        message["version"] = version;
        return envelope.ToJsonString();
    }
}
