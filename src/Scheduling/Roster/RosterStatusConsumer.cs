using Ksst.Contracts.Events;
using Ksst.Outbox;
using Ksst.Scheduling.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Roster;

/// <summary>
/// Keeps a roster entry's status in step with Registration's decisions, once per event. An entry
/// whose ParticipantNominated was missed is created from the later event; an event older than
/// the entry's last change (redelivered or overtaken) changes nothing.
/// </summary>
internal abstract class RosterStatusConsumer<TEvent>(SchedulingDbContext db, TimeProvider clock, string status)
    : IConsumer<TEvent> where TEvent : class, INominationEvent
{
    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        var consumer = $"scheduling.roster.{status.ToLowerInvariant()}";
        if (await db.AlreadyProcessedAsync(message.EventId, consumer, ct))
        {
            return;
        }
        var entry = await db.Roster.SingleOrDefaultAsync(r => r.NominationId == message.NominationId, ct);
        if (entry is null)
        {
            db.Roster.Add(new RosterEntry
            {
                NominationId = message.NominationId, BatchId = message.BatchId, Country = message.Country,
                Status = status, NominatedAt = message.OccurredAt, StatusChangedAt = message.OccurredAt,
            });
        }
        else if (message.OccurredAt >= entry.StatusChangedAt)
        {
            entry.Status = status;
            entry.StatusChangedAt = message.OccurredAt;
        }
        db.MarkProcessed(message.EventId, consumer, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A participant was accepted.</summary>
internal sealed class ParticipantAcceptedConsumer(SchedulingDbContext db, TimeProvider clock)
    : RosterStatusConsumer<ParticipantAccepted>(db, clock, "Accepted");

/// <summary>A waitlisted participant was promoted into a seat.</summary>
internal sealed class ParticipantPromotedConsumer(SchedulingDbContext db, TimeProvider clock)
    : RosterStatusConsumer<ParticipantPromotedFromWaitlist>(db, clock, "Accepted");

/// <summary>A participant confirmed.</summary>
internal sealed class ParticipantConfirmedConsumer(SchedulingDbContext db, TimeProvider clock)
    : RosterStatusConsumer<ParticipantConfirmed>(db, clock, "Confirmed");

/// <summary>A participant withdrew: they leave the roster's active participants.</summary>
internal sealed class ParticipantWithdrawnConsumer(SchedulingDbContext db, TimeProvider clock)
    : RosterStatusConsumer<ParticipantWithdrawn>(db, clock, "Withdrawn");

/// <summary>A participant was rejected (after holding a seat, or not).</summary>
internal sealed class ParticipantRejectedConsumer(SchedulingDbContext db, TimeProvider clock)
    : RosterStatusConsumer<ParticipantRejected>(db, clock, "Rejected");
