using Grpc.Core;
using Ksst.Contracts.Events;
using Ksst.Contracts.Scheduling.V1;
using Ksst.Outbox;
using Ksst.Scheduling.Sessions;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Scheduling.V1;
using Session = Ksst.Scheduling.Sessions.Session;
using Venue = Ksst.Scheduling.Sessions.Venue;

namespace Ksst.Scheduling;

/// <summary>The Scheduling gRPC service; this part: sessions and their checks.</summary>
internal sealed partial class SchedulingApi
{
    public override async Task<Api.Session> ScheduleSession(ScheduleSessionRequest request, ServerCallContext context)
    {
        SessionRules.Check(request.Session).ThrowIfAny();
        var ct = context.CancellationToken;
        using var _ = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var proposal = request.Session;
        var session = new Session
        {
            Id = Guid.CreateVersion7(),
            BatchId = proposal.BatchId,
            Kind = (int)proposal.Kind,
            Title = proposal.Title.Trim(),
            Description = proposal.Description.Trim(),
            VenueId = proposal.VenueId,
            Speakers = proposal.Speakers.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList(),
            Start = proposal.Start.ToDateTimeOffset(),
            End = proposal.End.ToDateTimeOffset(),
            Groups = proposal.Groups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct().ToList(),
            FromCity = proposal.Kind == Api.SessionKind.Travel ? proposal.FromCity.Trim() : null,
        };
        var venue = await RequireVenueAsync(session.VenueId, ct);
        await EnsureFitsAsync(session, venue.City, ct);

        db.Sessions.Add(session);
        var now = clock.GetUtcNow();
        db.AddEvent(new SessionScheduled(Guid.CreateVersion7(now), now, session.BatchId, session.Id, session.Title, session.Start, session.End, await AudienceOfAsync(session, ct)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return session.ToApi(venue.City);
    }

    public override async Task<CheckSessionResponse> CheckSession(CheckSessionRequest request, ServerCallContext context)
    {
        SessionRules.Check(request.Session).ThrowIfAny();
        var proposal = request.Session;
        var venue = await RequireVenueAsync(proposal.VenueId, context.CancellationToken);
        var planned = new PlannedSession(
            proposal.SessionId.Length > 0 ? Guid.Parse(proposal.SessionId) : Guid.NewGuid(), proposal.Title, proposal.VenueId, venue.City,
            proposal.Start.ToDateTimeOffset(), proposal.End.ToDateTimeOffset(), [.. proposal.Speakers], [.. proposal.Groups],
            proposal.Kind == Api.SessionKind.Travel ? proposal.FromCity : null);
        var index = await LoadTimetableAsync(proposal.BatchId, context.CancellationToken);
        return new CheckSessionResponse { Conflicts = { index.Check(planned).Select(c => c.ToApi()) } };
    }

    public override async Task<Api.Session> RescheduleSession(RescheduleSessionRequest request, ServerCallContext context)
    {
        var id = RequestFields.RequireId(request.SessionId, "session_id");
        new FieldViolations().CheckTimes(request.Start, request.End).ThrowIfAny();
        var ct = context.CancellationToken;
        using var _ = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var session = await RequireSessionAsync(id, ct);
        var (oldStart, oldEnd) = (session.Start, session.End);
        session.Start = request.Start!.ToDateTimeOffset();
        session.End = request.End!.ToDateTimeOffset();
        if (request.VenueId.Length > 0)
        {
            session.VenueId = request.VenueId;
        }
        var venue = await RequireVenueAsync(session.VenueId, ct);
        await EnsureFitsAsync(session, venue.City, ct);

        var now = clock.GetUtcNow();
        db.AddEvent(new SessionRescheduled(Guid.CreateVersion7(now), now, session.BatchId, session.Id, session.Title, oldStart, oldEnd, session.Start, session.End, await AudienceOfAsync(session, ct)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return session.ToApi(venue.City);
    }

    public override async Task<Api.Session> CancelSession(CancelSessionRequest request, ServerCallContext context)
    {
        var id = RequestFields.RequireId(request.SessionId, "session_id");
        var ct = context.CancellationToken;
        using var _ = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var session = await RequireSessionAsync(id, ct);
        session.Cancelled = true;
        session.CancelReason = request.Reason.Trim();
        var now = clock.GetUtcNow();
        db.AddEvent(new SessionCancelled(Guid.CreateVersion7(now), now, session.BatchId, session.Id, session.Title, session.Start, await AudienceOfAsync(session, ct)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var venue = await db.Venues.AsNoTracking().SingleAsync(v => v.Id == session.VenueId, ct);
        return session.ToApi(venue.City);
    }

    public override async Task<ListSessionsResponse> ListSessions(ListSessionsRequest request, ServerCallContext context)
    {
        var cities = await db.Venues.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.City, context.CancellationToken);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.BatchId == request.BatchId && (request.IncludeCancelled || !s.Cancelled))
            .OrderBy(s => s.Start)
            .ToListAsync(context.CancellationToken);
        return new ListSessionsResponse { Sessions = { sessions.Select(s => s.ToApi(cities.GetValueOrDefault(s.VenueId, ""))) } };
    }

    /// <summary>Throws FAILED_PRECONDITION with one violation per conflicting session.</summary>
    private async Task EnsureFitsAsync(Session session, string city, CancellationToken ct)
    {
        var conflicts = (await LoadTimetableAsync(session.BatchId, ct)).Check(session.ToPlanned(city));
        if (conflicts.Count > 0)
        {
            throw RpcErrors.FailedPrecondition(
                conflicts.Select(c => (c.ToApi().Kind, $"sessions/{c.With}", c.Detail)),
                $"'{session.Title}' conflicts with {conflicts.Select(c => c.With).Distinct().Count()} session(s) of the timetable.");
        }
    }

    private async Task<TimetableIndex> LoadTimetableAsync(string batchId, CancellationToken ct)
    {
        var cities = await db.Venues.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.City, ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.BatchId == batchId && !s.Cancelled).ToListAsync(ct);
        var index = new TimetableIndex(travel);
        foreach (var s in sessions)
        {
            index.Put(s.ToPlanned(cities.GetValueOrDefault(s.VenueId, "")));
        }
        return index;
    }

    private async Task<IReadOnlyList<Guid>> AudienceOfAsync(Session session, CancellationToken ct) =>
        session.Groups.Count > 0
            ? [] // Group membership comes with groups (issue 5, item 4).
            : await db.Roster.AsNoTracking().Where(r => r.BatchId == session.BatchId && r.Status != "Withdrawn").Select(r => r.NominationId).ToListAsync(ct);

    private async Task<Venue> RequireVenueAsync(string venueId, CancellationToken ct) =>
        await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == venueId, ct) ?? throw RpcErrors.NotFound("venue", venueId);

    private async Task<Session> RequireSessionAsync(Guid id, CancellationToken ct)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw RpcErrors.NotFound("session", id.ToString());
        return session.Cancelled
            ? throw RpcErrors.FailedPrecondition("SESSION_CANCELLED", $"sessions/{id}", $"Session '{session.Title}' is cancelled; schedule a new one instead.")
            : session;
    }
}
