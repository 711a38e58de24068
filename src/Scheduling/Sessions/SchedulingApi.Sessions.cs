using Grpc.Core;
using Ksst.Contracts.Events;
using Ksst.Contracts.Scheduling.V1;
using Ksst.Platform.Outbox;
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
        var session = request.Session.ToSession(Guid.CreateVersion7());
        Venue venue;
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            venue = await RequireVenueAsync(session.VenueId, ct);
            var audience = await EnsureFitsAsync(session, venue, ct);
            db.Sessions.Add(session);
            var now = clock.GetUtcNow();
            db.AddEvent(new SessionScheduled(Guid.CreateVersion7(now), now, session.BatchId, session.Id, session.Title, session.Start, session.End, audience));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            checks.Committed(session, venue);
        }
        await views.InvalidateAsync(session.BatchId, ct);
        return session.ToApi(venue.City);
    }

    public override async Task<CheckSessionResponse> CheckSession(CheckSessionRequest request, ServerCallContext context)
    {
        SessionRules.Check(request.Session).ThrowIfAny();
        var ct = context.CancellationToken;
        var proposal = request.Session;
        var session = proposal.ToSession(proposal.SessionId.Length > 0 ? Guid.Parse(proposal.SessionId) : Guid.NewGuid());
        var venue = await RequireVenueAsync(session.VenueId, ct);
        var (conflicts, _) = await checks.CheckAsync(session, venue, ct);
        return new CheckSessionResponse { Conflicts = { conflicts.Select(c => c.ToApi()) } };
    }

    public override async Task<Api.Session> RescheduleSession(RescheduleSessionRequest request, ServerCallContext context)
    {
        var id = RequestFields.RequireId(request.SessionId, "session_id");
        new FieldViolations().CheckTimes(request.Start, request.End).ThrowIfAny();
        var ct = context.CancellationToken;
        Session session;
        Venue venue;
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            session = await RequireSessionAsync(id, ct);
            var (oldStart, oldEnd) = (session.Start, session.End);
            session.Start = request.Start!.ToDateTimeOffset();
            session.End = request.End!.ToDateTimeOffset();
            if (request.VenueId.Length > 0)
            {
                session.VenueId = request.VenueId;
            }
            venue = await RequireVenueAsync(session.VenueId, ct);
            var audience = await EnsureFitsAsync(session, venue, ct);

            var now = clock.GetUtcNow();
            db.AddEvent(new SessionRescheduled(Guid.CreateVersion7(now), now, session.BatchId, session.Id, session.Title, oldStart, oldEnd, session.Start, session.End, audience));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            checks.Committed(session, venue);
        }
        await views.InvalidateAsync(session.BatchId, ct);
        return session.ToApi(venue.City);
    }

    public override async Task<Api.Session> CancelSession(CancelSessionRequest request, ServerCallContext context)
    {
        var id = RequestFields.RequireId(request.SessionId, "session_id");
        var ct = context.CancellationToken;
        Session session;
        Venue venue;
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            session = await RequireSessionAsync(id, ct);
            session.Cancelled = true;
            session.CancelReason = request.Reason.Trim();
            var now = clock.GetUtcNow();
            db.AddEvent(new SessionCancelled(Guid.CreateVersion7(now), now, session.BatchId, session.Id, session.Title, session.Start,
                await checks.AudienceOfAsync(session.BatchId, session.Groups, ct)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            venue = await RequireVenueAsync(session.VenueId, ct);
            checks.Committed(session, venue);
        }
        await views.InvalidateAsync(session.BatchId, ct);
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

    /// <summary>Throws FAILED_PRECONDITION with one violation per conflict; otherwise returns the session's audience.</summary>
    private async Task<IReadOnlyList<Guid>> EnsureFitsAsync(Session session, Venue venue, CancellationToken ct)
    {
        var (conflicts, audience) = await checks.CheckAsync(session, venue, ct);
        if (conflicts.Count > 0)
        {
            throw RpcErrors.FailedPrecondition(
                conflicts.Select(c => (c.ToApi().Kind, c.Subject, c.Detail)),
                $"'{session.Title}' does not fit the timetable: {conflicts.Count} conflict(s).");
        }
        return audience;
    }

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
