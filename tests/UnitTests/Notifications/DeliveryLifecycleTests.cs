using Ksst.Notifications.Delivery;

namespace Ksst.UnitTests.Notifications;

/// <summary>The claim states of an email or webhook delivery: the table of moves and what each outcome of a send records.</summary>
public sealed class DeliveryLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly RetrySchedule Retry = new() { MaxAttempts = 3, InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromMinutes(10) };

    private static Delivery NewDelivery(DeliveryStatus status = DeliveryStatus.Pending, int attempts = 0) => new()
    {
        Id = Guid.CreateVersion7(), EventType = "ParticipantNominated", Recipient = "organisers", BatchId = "ksst-sme-2027", Channel = "email",
        Template = "participant-nominated", Language = "en", ToName = "Organisers", ToAddress = "organisers@ksst.example.org", ModelJson = "{}",
        Status = status, Attempts = attempts, CreatedAt = Now, NextAttemptAt = Now,
    };

    private static Delivery Claimed(int attempts = 0)
    {
        var delivery = NewDelivery(attempts == 0 ? DeliveryStatus.Pending : DeliveryStatus.Failed, attempts);
        DeliveryLifecycle.Claim(delivery, Now);
        return delivery;
    }

    public static TheoryData<DeliveryStatus, DeliveryStatus> Allowed => new()
    {
        { DeliveryStatus.Pending, DeliveryStatus.Sending },
        { DeliveryStatus.Failed, DeliveryStatus.Sending },
        { DeliveryStatus.Pending, DeliveryStatus.Dead },
        { DeliveryStatus.Failed, DeliveryStatus.Dead },
        { DeliveryStatus.Sending, DeliveryStatus.Sent },
        { DeliveryStatus.Sending, DeliveryStatus.Failed },
        { DeliveryStatus.Sending, DeliveryStatus.Dead },
        { DeliveryStatus.Sending, DeliveryStatus.Pending },
        { DeliveryStatus.Sending, DeliveryStatus.Uncertain },
        { DeliveryStatus.Dead, DeliveryStatus.Pending },
        { DeliveryStatus.Uncertain, DeliveryStatus.Pending },
    };

    [Fact]
    public void Exactly_the_listed_moves_are_allowed()
    {
        var allowed = Allowed.Select(row => ((DeliveryStatus)row[0], (DeliveryStatus)row[1])).ToHashSet();
        foreach (var from in Enum.GetValues<DeliveryStatus>())
        {
            foreach (var to in Enum.GetValues<DeliveryStatus>())
            {
                Assert.True(allowed.Contains((from, to)) == DeliveryLifecycle.CanMove(from, to), $"{from} → {to}");
            }
        }
    }

    [Fact]
    public void Nothing_but_a_waiting_delivery_is_sent_and_a_sent_one_never_moves_again()
    {
        Assert.Equal([DeliveryStatus.Pending, DeliveryStatus.Failed], DeliveryLifecycle.Waiting);
        foreach (var status in Enum.GetValues<DeliveryStatus>().Where(s => !DeliveryLifecycle.Waiting.Contains(s)))
        {
            Assert.False(DeliveryLifecycle.CanMove(status, DeliveryStatus.Sending), $"{status} must not be claimed");
        }
        Assert.All(Enum.GetValues<DeliveryStatus>(), to => Assert.False(DeliveryLifecycle.CanMove(DeliveryStatus.Sent, to)));
        Assert.Throws<InvalidOperationException>(() => DeliveryLifecycle.Claim(NewDelivery(DeliveryStatus.Uncertain), Now));
        Assert.Throws<InvalidOperationException>(() => DeliveryLifecycle.Claim(NewDelivery(DeliveryStatus.Sending), Now));
    }

    [Fact]
    public void A_claim_marks_the_delivery_sending_with_its_time_and_spends_no_attempt()
    {
        var delivery = Claimed();
        Assert.Equal((DeliveryStatus.Sending, Now, 0), (delivery.Status, delivery.ClaimedAt, delivery.Attempts));
    }

    [Fact]
    public void An_accepted_send_is_sent_and_counts_its_attempt()
    {
        var delivery = Claimed(attempts: 1);
        delivery.LastError = "SMTP 550";
        Assert.Equal(DeliveryStatus.Sent, DeliveryLifecycle.Record(delivery, SendOutcome.Accepted, Retry, Now.AddSeconds(1), new Random(1)));
        Assert.Equal((2, Now.AddSeconds(1), null, Now), (delivery.Attempts, delivery.SentAt, delivery.LastError, delivery.LastAttemptAt));
    }

    [Fact]
    public void A_refused_send_is_retried_after_a_backoff_until_its_last_attempt_then_dead()
    {
        var delivery = Claimed();
        Assert.Equal(DeliveryStatus.Failed, DeliveryLifecycle.Record(delivery, SendOutcome.Refused("SMTP 550"), Retry, Now, new Random(1)));
        Assert.Equal((1, "SMTP 550"), (delivery.Attempts, delivery.LastError));
        Assert.InRange(delivery.NextAttemptAt, Now.AddSeconds(1), Now.AddSeconds(2));
        DeliveryLifecycle.Claim(delivery, Now);
        Assert.Equal(DeliveryStatus.Failed, DeliveryLifecycle.Record(delivery, SendOutcome.Refused("SMTP 550"), Retry, Now, new Random(1)));
        DeliveryLifecycle.Claim(delivery, Now);
        Assert.Equal(DeliveryStatus.Dead, DeliveryLifecycle.Record(delivery, SendOutcome.Refused("SMTP 550"), Retry, Now, new Random(1)));
        Assert.Equal(3, delivery.Attempts);
    }

    [Theory]
    [InlineData(0, DeliveryStatus.Pending)]
    [InlineData(2, DeliveryStatus.Failed)]
    public void A_receiver_that_was_away_returns_the_delivery_to_waiting_without_spending_an_attempt(int attempts, DeliveryStatus back)
    {
        var delivery = Claimed(attempts);
        delivery.LastError = attempts > 0 ? "SMTP 451" : null;
        var due = delivery.NextAttemptAt;
        // Far more outages than the schedule has attempts: none of them counts.
        for (var i = 0; i < Retry.MaxAttempts * 10; i++)
        {
            Assert.Equal(back, DeliveryLifecycle.Record(delivery, SendOutcome.Away("SocketException: Connection refused"), Retry, Now, new Random(1)));
            DeliveryLifecycle.Claim(delivery, Now);
        }
        Assert.Equal((attempts, due, attempts > 0 ? "SMTP 451" : null), (delivery.Attempts, delivery.NextAttemptAt, delivery.LastError));
    }

    [Fact]
    public void A_send_without_an_answer_is_uncertain_and_not_waiting()
    {
        var delivery = Claimed();
        Assert.Equal(DeliveryStatus.Uncertain, DeliveryLifecycle.Record(delivery, SendOutcome.Unknown("IOException: connection reset"), Retry, Now, new Random(1)));
        Assert.Equal(1, delivery.Attempts);
        Assert.Contains("IOException: connection reset", delivery.LastError);
        Assert.DoesNotContain(DeliveryStatus.Uncertain, DeliveryLifecycle.Waiting);
    }

    [Fact]
    public void An_open_claim_found_with_no_send_under_way_is_uncertain_with_its_claim_time()
    {
        var delivery = Claimed();
        DeliveryLifecycle.Orphaned(delivery);
        Assert.Equal((DeliveryStatus.Uncertain, 1, Now), (delivery.Status, delivery.Attempts, delivery.LastAttemptAt));
        Assert.Contains(Now.ToString("u"), delivery.LastError);
        Assert.Throws<InvalidOperationException>(() => DeliveryLifecycle.Orphaned(NewDelivery(DeliveryStatus.Pending)));
    }

    [Theory]
    [InlineData(DeliveryStatus.Dead, true)]
    [InlineData(DeliveryStatus.Uncertain, true)]
    [InlineData(DeliveryStatus.Pending, false)]
    [InlineData(DeliveryStatus.Failed, false)]
    [InlineData(DeliveryStatus.Sending, false)]
    [InlineData(DeliveryStatus.Sent, false)]
    public void Only_dead_and_uncertain_deliveries_are_resent_and_then_from_a_fresh_schedule(DeliveryStatus status, bool resendable)
    {
        var delivery = NewDelivery(status, attempts: 3);
        Assert.Equal(resendable, DeliveryLifecycle.CanResend(status));
        if (!resendable)
        {
            Assert.Throws<InvalidOperationException>(() => DeliveryLifecycle.Resend(delivery, Now));
            return;
        }
        DeliveryLifecycle.Resend(delivery, Now.AddHours(1));
        Assert.Equal((DeliveryStatus.Pending, 0, Now.AddHours(1)), (delivery.Status, delivery.Attempts, delivery.NextAttemptAt));
    }

    [Fact]
    public void Only_entries_nothing_more_happens_to_are_finished()
    {
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Dead, DeliveryStatus.Uncertain], DeliveryLifecycle.Finished);
        Assert.Empty(DeliveryLifecycle.Finished.Intersect(DeliveryLifecycle.Waiting.Append(DeliveryStatus.Sending)));
    }
}
