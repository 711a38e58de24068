using Grpc.Core;
using Ksst.Contracts.Scheduling.V1;
using Ksst.Scheduling.Sessions;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling;

/// <summary>The Scheduling gRPC service; this part: sessions and their checks.</summary>
internal sealed partial class SchedulingApi
{
    public override async Task<Api.Session> ScheduleSession(ScheduleSessionRequest request, ServerCallContext context)
    {
        SessionRules.Check(request.Session).ThrowIfAny();
        await OrganisesAsync(request.Session.BatchId, context);
        var (session, venue) = await sessions.ScheduleAsync(request.Session.ToSession(Guid.CreateVersion7()), context.CancellationToken);
        return session.ToApi(venue.City);
    }

    public override async Task<CheckSessionResponse> CheckSession(CheckSessionRequest request, ServerCallContext context)
    {
        SessionRules.Check(request.Session).ThrowIfAny();
        await OrganisesAsync(request.Session.BatchId, context);
        var proposal = request.Session;
        var session = proposal.ToSession(proposal.SessionId.Length > 0 ? Guid.Parse(proposal.SessionId) : Guid.NewGuid());
        var conflicts = await timetable.ConflictsOfAsync(session, context.CancellationToken);
        return new CheckSessionResponse { Conflicts = { conflicts.Select(c => c.ToApi()) } };
    }

    public override async Task<Api.Session> RescheduleSession(RescheduleSessionRequest request, ServerCallContext context)
    {
        var id = RequestFields.RequireId(request.SessionId, "session_id");
        new FieldViolations().CheckTimes(request.Start, request.End).ThrowIfAny();
        await OrganisesAsync(await timetable.BatchOfSessionAsync(id, context.CancellationToken), context);
        var (session, venue) = await sessions.RescheduleAsync(
            id, request.Start!.ToDateTimeOffset(), request.End!.ToDateTimeOffset(), request.VenueId, context.CancellationToken);
        return session.ToApi(venue.City);
    }

    public override async Task<Api.Session> CancelSession(CancelSessionRequest request, ServerCallContext context)
    {
        var id = RequestFields.RequireId(request.SessionId, "session_id");
        await OrganisesAsync(await timetable.BatchOfSessionAsync(id, context.CancellationToken), context);
        var (session, venue) = await sessions.CancelAsync(id, request.Reason.Trim(), context.CancellationToken);
        return session.ToApi(venue.City);
    }

    public override async Task<ListSessionsResponse> ListSessions(ListSessionsRequest request, ServerCallContext context)
    {
        await OrganisesAsync(request.BatchId, context);
        return new() { Sessions = { (await timetable.SessionsAsync(request.BatchId, request.IncludeCancelled, context.CancellationToken)).Select(s => s.Session.ToApi(s.City)) } };
    }
}
