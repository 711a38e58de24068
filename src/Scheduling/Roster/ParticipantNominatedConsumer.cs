using Ksst.Contracts.Events;
using Ksst.Outbox;
using Ksst.Scheduling.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Roster;

/// <summary>Puts a newly nominated participant on the batch roster, once per event.</summary>
internal sealed class ParticipantNominatedConsumer(SchedulingDbContext db, TimeProvider clock) : IConsumer<ParticipantNominated>
{
    private const string Name = "scheduling.roster";

    public async Task Consume(ConsumeContext<ParticipantNominated> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        if (await db.AlreadyProcessedAsync(message.EventId, Name, ct)
            || await db.Roster.AnyAsync(r => r.NominationId == message.NominationId, ct))
        {
            return;
        }

        db.Roster.Add(new RosterEntry
        {
            NominationId = message.NominationId,
            BatchId = message.BatchId,
            Country = message.Country,
            Status = "Nominated",
            NominatedAt = message.OccurredAt,
            StatusChangedAt = message.OccurredAt,
        });
        db.MarkProcessed(message.EventId, Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
