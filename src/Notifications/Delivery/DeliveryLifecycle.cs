namespace Ksst.Notifications.Delivery;

/// <summary>
/// The moves an email or webhook delivery may make. A waiting delivery (Pending, or Failed with
/// attempts left) is claimed — Sending, committed — before it is handed to its receiver, and the
/// outcome is recorded after: Sent, Failed or Dead when the receiver answered, back to waiting
/// (no attempt spent) when the receiver was away, Uncertain when it was handed over without an
/// answer. A claim found still open when no send is under way (the service stopped between send
/// and record, or the record failed) is Uncertain too. Uncertain and Dead are never sent again
/// unless an operator resends them. A waiting delivery whose webhook subscription was disabled is
/// given up (Dead) without an attempt. Sent is final.
/// </summary>
public static class DeliveryLifecycle
{
    private static readonly Dictionary<DeliveryStatus, DeliveryStatus[]> Moves = new()
    {
        [DeliveryStatus.Pending] = [DeliveryStatus.Sending, DeliveryStatus.Dead],
        [DeliveryStatus.Failed] = [DeliveryStatus.Sending, DeliveryStatus.Dead],
        [DeliveryStatus.Sending] = [DeliveryStatus.Sent, DeliveryStatus.Failed, DeliveryStatus.Dead, DeliveryStatus.Pending, DeliveryStatus.Uncertain],
        [DeliveryStatus.Sent] = [],
        [DeliveryStatus.Dead] = [DeliveryStatus.Pending],
        [DeliveryStatus.Uncertain] = [DeliveryStatus.Pending],
    };

    /// <summary>Waiting to be claimed when due.</summary>
    public static readonly IReadOnlyList<DeliveryStatus> Waiting = [DeliveryStatus.Pending, DeliveryStatus.Failed];

    /// <summary>Nothing more happens to these unless an operator resends them; the delivery log's retention may remove them.</summary>
    public static readonly IReadOnlyList<DeliveryStatus> Finished = [DeliveryStatus.Sent, DeliveryStatus.Dead, DeliveryStatus.Uncertain];

    /// <summary>What an operator may resend.</summary>
    public static readonly IReadOnlyList<DeliveryStatus> Resendable = [DeliveryStatus.Dead, DeliveryStatus.Uncertain];

    /// <summary>True when a delivery in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool CanMove(DeliveryStatus from, DeliveryStatus to) => Moves[from].Contains(to);

    /// <summary>Claims a waiting delivery for sending now.</summary>
    public static void Claim(IDeliveryState delivery, DateTimeOffset now)
    {
        Move(delivery, DeliveryStatus.Sending);
        delivery.ClaimedAt = now;
    }

    /// <summary>
    /// Records how the claimed <paramref name="delivery"/>'s send ended: an answer spends an
    /// attempt (and, refused, schedules the next by <paramref name="retry"/> or ends it), a
    /// receiver that was away spends none, a send without an answer is uncertain. Returns the new status.
    /// </summary>
    public static DeliveryStatus Record(IDeliveryState delivery, SendOutcome outcome, RetrySchedule retry, DateTimeOffset now, Random random)
    {
        if (outcome.Result == SendResult.Away)
        {
            Move(delivery, delivery.Attempts == 0 ? DeliveryStatus.Pending : DeliveryStatus.Failed);
            return delivery.Status;
        }
        delivery.Attempts++;
        delivery.LastAttemptAt = delivery.ClaimedAt ?? now;
        switch (outcome.Result)
        {
            case SendResult.Accepted:
                Move(delivery, DeliveryStatus.Sent);
                delivery.SentAt = now;
                delivery.LastError = null;
                break;
            case SendResult.Refused:
                Move(delivery, retry.IsExhausted(delivery.Attempts) ? DeliveryStatus.Dead : DeliveryStatus.Failed);
                delivery.LastError = outcome.Detail;
                delivery.NextAttemptAt = now + retry.Backoff(delivery.Attempts, random);
                break;
            default:
                Move(delivery, DeliveryStatus.Uncertain);
                delivery.LastError = $"Handed over without an answer ({outcome.Detail}): it may have arrived. Resend it to send it again.";
                break;
        }
        return delivery.Status;
    }

    /// <summary>A claim found open with no send under way: the outcome of handing it over was never recorded.</summary>
    public static void Orphaned(IDeliveryState delivery)
    {
        Move(delivery, DeliveryStatus.Uncertain);
        delivery.Attempts++;
        delivery.LastAttemptAt = delivery.ClaimedAt;
        delivery.LastError = $"Claimed at {delivery.ClaimedAt:u} for sending, but its outcome was never recorded (the service stopped, or the record failed): it may have arrived. Resend it to send it again.";
    }

    /// <summary>Gives up a waiting delivery without an attempt, because of <paramref name="reason"/>.</summary>
    public static void GiveUp(IDeliveryState delivery, string reason)
    {
        Move(delivery, DeliveryStatus.Dead);
        delivery.LastError = reason;
    }

    /// <summary>True when an operator may resend a delivery in <paramref name="status"/>.</summary>
    public static bool CanResend(DeliveryStatus status) => Resendable.Contains(status);

    /// <summary>An operator's resend: waiting again from a fresh retry schedule, due now.</summary>
    public static void Resend(IDeliveryState delivery, DateTimeOffset now)
    {
        if (!CanResend(delivery.Status))
        {
            throw new InvalidOperationException($"A {delivery.Status} delivery cannot be resent.");
        }
        Move(delivery, DeliveryStatus.Pending);
        delivery.Attempts = 0;
        delivery.NextAttemptAt = now;
    }

    private static void Move(IDeliveryState delivery, DeliveryStatus to)
    {
        if (!CanMove(delivery.Status, to))
        {
            throw new InvalidOperationException($"Delivery {delivery.Id} cannot move from {delivery.Status} to {to}.");
        }
        delivery.Status = to;
    }
}
