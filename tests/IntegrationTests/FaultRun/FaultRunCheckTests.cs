using Ksst.Contracts.Notifications.V1;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using Ksst.FaultRun.Checks;
using Ksst.FaultRun.Load;
using Ksst.FaultRun.Observations;

namespace Ksst.IntegrationTests.FaultRun;

/// <summary>
/// The fault run's checks judge what they are given (no stack here): a clean run passes, and each
/// kind of loss or doubling the run is there to find fails its check.
/// </summary>
public sealed class FaultRunCheckTests
{
    private const string Batch = "fr-test-000";
    private static readonly string NominationId = Guid.NewGuid().ToString();
    private static readonly string Email = "participant-0.test@faultrun.example";

    [Fact]
    public void A_clean_run_passes_every_check()
    {
        var evidence = Clean();
        Assert.All(Judge(evidence), check => Assert.True(check.Passed, $"{check.Name}: {check.Summary} {string.Join("; ", check.Examples)}"));
    }

    [Fact]
    public void An_email_that_arrived_twice_with_one_Message_Id_fails_the_email_check()
    {
        var evidence = Clean();
        evidence = evidence with { MessageIds = [.. evidence.MessageIds, evidence.MessageIds[1]] };
        var verdict = EmailCheck.Judge(evidence);
        Assert.False(verdict.Passed);
        Assert.Contains("arrived 2 times", Assert.Single(verdict.Examples));
    }

    [Fact]
    public void A_delivery_neither_sent_nor_uncertain_fails_the_email_check()
    {
        var evidence = Clean();
        var unknown = evidence.Deliveries[1].Clone();
        unknown.Status = (DeliveryStatus)99; // a state without a name here is neither Sent nor Uncertain
        Assert.False(EmailCheck.Judge(evidence with { Deliveries = [evidence.Deliveries[0], unknown, .. evidence.Deliveries.Skip(2)] }).Passed);

        var dead = evidence.Deliveries[1].Clone();
        dead.Status = DeliveryStatus.Dead;
        var withoutIt = evidence.MessageIds.Where(id => !id.StartsWith(Guid.Parse(dead.DeliveryId).ToString("N"), StringComparison.Ordinal)).ToList();
        var verdict = EmailCheck.Judge(evidence with { Deliveries = [evidence.Deliveries[0], dead, .. evidence.Deliveries.Skip(2)], MessageIds = withoutIt });
        Assert.False(verdict.Passed);
        Assert.Contains("is Dead", Assert.Single(verdict.Examples));
    }

    [Fact]
    public void A_missing_delivery_a_second_delivery_and_a_stranger_in_the_inbox_each_fail_the_email_check()
    {
        var evidence = Clean();
        Assert.False(EmailCheck.Judge(evidence with { Deliveries = [.. evidence.Deliveries.Skip(1)] }).Passed);

        var second = evidence.Deliveries[1].Clone();
        second.DeliveryId = Guid.NewGuid().ToString();
        Assert.Contains(EmailCheck.Judge(evidence with { Deliveries = [.. evidence.Deliveries, second], MessageIds = [.. evidence.MessageIds, MessageId(second)] }).Examples,
            e => e.StartsWith("2 deliveries of ParticipantNominated", StringComparison.Ordinal));

        Assert.Contains(EmailCheck.Judge(evidence with { MessageIds = [.. evidence.MessageIds, $"{Guid.NewGuid():N}@notifications.ksst"] }).Examples,
            e => e.Contains("no delivery", StringComparison.Ordinal));
    }

    [Fact]
    public void An_accepted_call_Registration_does_not_hold_fails_and_a_lost_answer_does_not()
    {
        var evidence = Clean();
        var lost = evidence.Load with { Outcomes = [new NominationOutcome(0, Batch, Email, OutcomeKind.GaveUp, 5, null, null, "DeadlineExceeded")] };
        Assert.True(AcceptedCallsCheck.Judge(evidence with { Load = lost }).Passed);
        var phantom = evidence.Load with { Outcomes = [.. evidence.Load.Outcomes, new NominationOutcome(1, Batch, "x@faultrun.example", OutcomeKind.Accepted, 1, Guid.NewGuid().ToString(), NominationStatus.Accepted, null)] };
        Assert.False(AcceptedCallsCheck.Judge(evidence with { Load = phantom }).Passed);
    }

    [Fact]
    public void A_refused_retry_fails_the_refusal_check()
    {
        var evidence = Clean();
        var refused = evidence.Load with { Outcomes = [new NominationOutcome(0, Batch, Email, OutcomeKind.Refused, 2, null, null, "AlreadyExists: email")] };
        Assert.False(RefusalCheck.Judge(evidence with { Load = refused }).Passed);
    }

    [Fact]
    public void A_roster_behind_Registration_fails_the_roster_check()
    {
        var evidence = Clean();
        Assert.False(RosterCheck.Judge(evidence with { Roster = [] }).Passed);
        var stale = evidence.Roster[0].Clone();
        stale.Status = "Nominated";
        Assert.Contains("the roster says Nominated", Assert.Single(RosterCheck.Judge(evidence with { Roster = [stale] }).Examples));
    }

    [Fact]
    public void A_message_in_an_error_queue_and_an_unpublished_outbox_row_fail_their_checks()
    {
        var evidence = Clean();
        Assert.False(BrokerCheck.Judge(evidence with { Queues = [new QueueDepth("notifications-participant-nominated_error", 1, 0)] }).Passed);
        Assert.True(BrokerCheck.Judge(evidence with { Queues = [new QueueDepth("notifications-participant-nominated", 0, 0)] }).Passed);
        Assert.False(OutboxCheck.Judge(evidence with { Outboxes = [new OutboxState("registration", 10, 1, "Ksst.Contracts.Events.ParticipantNominated")] }).Passed);
    }

    /// <summary>One batch, one nomination accepted with an agency contact, every email delivered once.</summary>
    private static Evidence Clean()
    {
        var nomination = new Nomination
        {
            NominationId = NominationId,
            BatchId = Batch,
            Status = NominationStatus.Accepted,
            Participant = new Participant { Email = Email },
            AgencyContact = new AgencyContact { Name = "Desk", Email = "agency-0.test@faultrun.example" },
        };
        Delivery Delivered(string eventType, string recipient) => new()
        {
            DeliveryId = Guid.NewGuid().ToString(),
            EventType = eventType,
            Recipient = recipient,
            BatchId = Batch,
            NominationId = recipient == "organisers" ? "" : NominationId,
            Status = DeliveryStatus.Sent,
            Attempts = 1,
        };
        List<Delivery> deliveries =
        [
            Delivered("BatchOpened", "organisers"),
            Delivered("ParticipantNominated", $"participant:{NominationId}"),
            Delivered("ParticipantAccepted", $"participant:{NominationId}"),
            Delivered("ParticipantNominated", $"agency:{NominationId}"),
            Delivered("ParticipantAccepted", $"agency:{NominationId}"),
        ];
        var load = new LoadResult(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 1, 1, TimeSpan.Zero,
            [new NominationOutcome(0, Batch, Email, OutcomeKind.Accepted, 1, NominationId, NominationStatus.Accepted, null)], new Dictionary<string, int>());
        return new Evidence(
            [Batch], load, [], new DrainResult(true, TimeSpan.FromSeconds(1), "quiet"),
            [nomination],
            [new RosterEntry { NominationId = NominationId, BatchId = Batch, Status = "Accepted" }],
            deliveries,
            [.. deliveries.Select(MessageId)],
            [new QueueDepth("scheduling-participant-accepted", 0, 0)],
            [new OutboxState("registration", 3, 0, null)]);
    }

    private static string MessageId(Delivery delivery) => $"{Guid.Parse(delivery.DeliveryId):N}@notifications.ksst";

    private static IEnumerable<CheckResult> Judge(Evidence evidence) =>
    [
        AcceptedCallsCheck.Judge(evidence), RefusalCheck.Judge(evidence), RosterCheck.Judge(evidence), EmailCheck.Judge(evidence),
        BrokerCheck.Judge(evidence), OutboxCheck.Judge(evidence), RunChecks.Quiet(evidence), RunChecks.FaultsHealed(evidence, 0),
    ];
}
