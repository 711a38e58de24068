using Grpc.Core;
using Ksst.Scheduling.Access;
using Ksst.Scheduling.Agenda;
using Ksst.Scheduling.Feeds;
using Ksst.Scheduling.Groups;
using Ksst.Scheduling.Roster;
using Ksst.Scheduling.Sessions;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling;

/// <summary>
/// The Scheduling gRPC service (also served as JSON through transcoding): a thin adapter that
/// checks each request's fields, calls the feature that answers it and maps the result. Its
/// parts live beside their features (Roster/, Groups/, Sessions/, Agenda/, Feeds/). Who may call each
/// RPC is <see cref="SchedulingAccess"/>'s; a batch's things are for its organisers
/// (<see cref="OrganisesAsync"/>), checked before any change begins.
/// </summary>
internal sealed partial class SchedulingApi(
    RosterQueries roster,
    RosterReconciler reconciler,
    GroupCommands groups,
    GroupQueries groupQueries,
    SessionCommands sessions,
    SessionQueries timetable,
    VenueCommands venues,
    SpeakerCommands speakers,
    TimetableViews views,
    TimetableCalendars calendars,
    BatchOrganisers organisers,
    ItineraryAccess itineraries,
    FeedAccess feedAccess,
    FeedBaseUrl feedBaseUrl,
    FeedCommands feeds,
    FeedQueries feedQueries)
    : Api.Scheduling.SchedulingBase
{
    /// <summary>Refuses the caller unless they organise <paramref name="batchId"/>'s programme.</summary>
    private Task OrganisesAsync(string batchId, ServerCallContext context) =>
        organisers.CheckAsync(context.Caller(), batchId, context.CancellationToken);

    private static void RequireBatchId(string batchId)
    {
        if (string.IsNullOrWhiteSpace(batchId))
        {
            throw RpcErrors.InvalidArgument("batch_id", "Required.");
        }
    }
}
