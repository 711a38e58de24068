using Ksst.Contracts.Events;
using Ksst.Platform.Inbox;
using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Agenda;
using Ksst.Scheduling.Data;

namespace Ksst.Scheduling.Roster;

/// <summary>
/// Records what a nomination event tells the roster, once per event: in one unit of work the
/// event's id is checked and marked in the inbox and its news staged (<see cref="RosterBook"/>);
/// the participant's cached itinerary is dropped after the commit when the roster changed (the
/// agenda and the other itineraries do not depend on it). News of a version the entry already
/// passed changes nothing.
/// </summary>
internal sealed partial class RosterInbox(
    SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork, TimetableViews views, TimeProvider clock, ILogger<RosterInbox> logger)
{
    private const string Consumer = "scheduling.roster";

    /// <summary>Records that <paramref name="message"/>'s nomination reached <paramref name="status"/>.</summary>
    public Task RecordAsync(INominationEvent message, string status, CancellationToken ct) =>
        unitOfWork.RunAsync(async after =>
        {
            if (await db.AlreadyProcessedAsync(message.EventId, Consumer, ct))
            {
                return;
            }
            var news = new RosterNews(message.NominationId, message.BatchId, message.Country, status, message.OccurredAt, message.OccurredAt, message.Version);
            if (await new RosterBook(db).RecordAsync(news, ct))
            {
                after.Then(() => views.InvalidateItineraryAsync(message.BatchId, message.NominationId, CancellationToken.None));
            }
            else
            {
                LogNotNews(message.NominationId, status, message.Version);
            }
            db.MarkProcessed(message.EventId, Consumer, clock.GetUtcNow());
        }, ct);

    [LoggerMessage(LogLevel.Debug, "Nomination {NominationId} {Status} at version {Version} ignored: the roster already has that version or a later one.")]
    private partial void LogNotNews(Guid nominationId, string status, long version);
}
