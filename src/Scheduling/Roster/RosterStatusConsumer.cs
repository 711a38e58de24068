using Ksst.Contracts.Events;
using MassTransit;

namespace Ksst.Scheduling.Roster;

/// <summary>
/// Keeps the roster in step with Registration's decisions, once per event (<see cref="RosterInbox"/>).
/// An entry whose earlier events were missed is created from a later one; an event of a version
/// the entry already passed (redelivered or overtaken) changes nothing.
/// </summary>
internal abstract class RosterStatusConsumer<TEvent>(RosterInbox roster, string status)
    : IConsumer<TEvent> where TEvent : class, INominationEvent
{
    public Task Consume(ConsumeContext<TEvent> context) => roster.RecordAsync(context.Message, status, context.CancellationToken);
}

/// <summary>A participant was nominated.</summary>
internal sealed class ParticipantNominatedConsumer(RosterInbox roster)
    : RosterStatusConsumer<ParticipantNominated>(roster, RosterStatus.Nominated);

/// <summary>A participant was put on the waitlist.</summary>
internal sealed class ParticipantWaitlistedConsumer(RosterInbox roster)
    : RosterStatusConsumer<ParticipantWaitlisted>(roster, RosterStatus.Waitlisted);

/// <summary>A participant was accepted.</summary>
internal sealed class ParticipantAcceptedConsumer(RosterInbox roster)
    : RosterStatusConsumer<ParticipantAccepted>(roster, RosterStatus.Accepted);

/// <summary>A waitlisted participant was promoted into a seat.</summary>
internal sealed class ParticipantPromotedConsumer(RosterInbox roster)
    : RosterStatusConsumer<ParticipantPromotedFromWaitlist>(roster, RosterStatus.Accepted);

/// <summary>A participant confirmed; they join a group when the batch has groups.</summary>
internal sealed class ParticipantConfirmedConsumer(RosterInbox roster)
    : RosterStatusConsumer<ParticipantConfirmed>(roster, RosterStatus.Confirmed);

/// <summary>A participant took part.</summary>
internal sealed class ParticipantAttendedConsumer(RosterInbox roster)
    : RosterStatusConsumer<ParticipantAttended>(roster, RosterStatus.Attended);

/// <summary>A participant withdrew: they leave their group and every itinerary.</summary>
internal sealed class ParticipantWithdrawnConsumer(RosterInbox roster)
    : RosterStatusConsumer<ParticipantWithdrawn>(roster, RosterStatus.Withdrawn);

/// <summary>A participant was rejected (after holding a seat, or not).</summary>
internal sealed class ParticipantRejectedConsumer(RosterInbox roster)
    : RosterStatusConsumer<ParticipantRejected>(roster, RosterStatus.Rejected);
