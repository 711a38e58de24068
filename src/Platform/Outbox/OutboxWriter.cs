using System.Diagnostics;
using System.Text.Json;
using Ksst.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Platform.Outbox;

/// <summary>Adds integration events to the outbox of a unit of work; they commit with it.</summary>
public static class OutboxWriter
{
    /// <summary>Stages <paramref name="integrationEvent"/> in <paramref name="db"/>; the caller's SaveChanges commits it.</summary>
    public static void AddEvent(this DbContext db, IIntegrationEvent integrationEvent) => db.AddEvent(integrationEvent, Activity.Current);

    /// <summary>
    /// Stages <paramref name="integrationEvent"/> as part of the trace of <paramref name="activity"/>
    /// (for work done on behalf of a call other than the current one, as in a group commit).
    /// </summary>
    public static void AddEvent(this DbContext db, IIntegrationEvent integrationEvent, Activity? activity)
    {
        var type = integrationEvent.GetType();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = integrationEvent.EventId,
            Type = type.FullName!,
            Payload = JsonSerializer.Serialize(integrationEvent, type, EventJson.Options),
            CreatedAt = integrationEvent.OccurredAt,
            NextAttemptAt = integrationEvent.OccurredAt,
        }.TracedBy(activity));
        PendingOutboxRows.Mark(db);
    }
}
