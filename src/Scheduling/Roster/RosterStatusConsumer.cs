using Ksst.Contracts.Events;
using Ksst.Platform.Inbox;
using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Agenda;
using Ksst.Scheduling.Data;
using MassTransit;

namespace Ksst.Scheduling.Roster;

/// <summary>
/// Keeps the roster in step with Registration's decisions, once per event. An entry whose
/// earlier events were missed is created from a later one; an event older than the entry's
/// last change (redelivered or overtaken) changes nothing.
/// </summary>
internal abstract class RosterStatusConsumer<TEvent>(SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork, TimetableViews views, TimeProvider clock, string status)
    : IConsumer<TEvent> where TEvent : class, INominationEvent
{
    private const string Consumer = "scheduling.roster";

    public Task Consume(ConsumeContext<TEvent> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        return unitOfWork.RunAsync(async after =>
        {
            if (await db.AlreadyProcessedAsync(message.EventId, Consumer, ct))
            {
                return;
            }
            var changed = await new RosterBook(db).RecordAsync(
                new RosterNews(message.NominationId, message.BatchId, message.Country, status, message.OccurredAt, message.OccurredAt), ct);
            db.MarkProcessed(message.EventId, Consumer, clock.GetUtcNow());
            if (changed)
            {
                after.Then(() => views.InvalidateAsync(message.BatchId, CancellationToken.None));
            }
        }, ct);
    }
}

/// <summary>A participant was nominated.</summary>
internal sealed class ParticipantNominatedConsumer(SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork, TimetableViews views, TimeProvider clock)
    : RosterStatusConsumer<ParticipantNominated>(db, unitOfWork, views, clock, RosterStatus.Nominated);

/// <summary>A participant was put on the waitlist.</summary>
internal sealed class ParticipantWaitlistedConsumer(SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork, TimetableViews views, TimeProvider clock)
    : RosterStatusConsumer<ParticipantWaitlisted>(db, unitOfWork, views, clock, RosterStatus.Waitlisted);

/// <summary>A participant was accepted.</summary>
internal sealed class ParticipantAcceptedConsumer(SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork, TimetableViews views, TimeProvider clock)
    : RosterStatusConsumer<ParticipantAccepted>(db, unitOfWork, views, clock, RosterStatus.Accepted);

/// <summary>A waitlisted participant was promoted into a seat.</summary>
internal sealed class ParticipantPromotedConsumer(SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork, TimetableViews views, TimeProvider clock)
    : RosterStatusConsumer<ParticipantPromotedFromWaitlist>(db, unitOfWork, views, clock, RosterStatus.Accepted);

/// <summary>A participant confirmed; they join a group when the batch has groups.</summary>
internal sealed class ParticipantConfirmedConsumer(SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork, TimetableViews views, TimeProvider clock)
    : RosterStatusConsumer<ParticipantConfirmed>(db, unitOfWork, views, clock, RosterStatus.Confirmed);

/// <summary>A participant took part.</summary>
internal sealed class ParticipantAttendedConsumer(SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork, TimetableViews views, TimeProvider clock)
    : RosterStatusConsumer<ParticipantAttended>(db, unitOfWork, views, clock, RosterStatus.Attended);

/// <summary>A participant withdrew: they leave their group and every itinerary.</summary>
internal sealed class ParticipantWithdrawnConsumer(SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork, TimetableViews views, TimeProvider clock)
    : RosterStatusConsumer<ParticipantWithdrawn>(db, unitOfWork, views, clock, RosterStatus.Withdrawn);

/// <summary>A participant was rejected (after holding a seat, or not).</summary>
internal sealed class ParticipantRejectedConsumer(SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork, TimetableViews views, TimeProvider clock)
    : RosterStatusConsumer<ParticipantRejected>(db, unitOfWork, views, clock, RosterStatus.Rejected);
