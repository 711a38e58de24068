using Ksst.Scheduling.Agenda;
using Ksst.Scheduling.Groups;
using Ksst.Scheduling.Roster;
using Ksst.Scheduling.Sessions;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling;

/// <summary>
/// The Scheduling gRPC service (also served as JSON through transcoding): a thin adapter that
/// checks each request's fields, calls the feature that answers it and maps the result. Its
/// parts live beside their features (Roster/, Groups/, Sessions/, Agenda/).
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
    TimeProvider clock)
    : Api.Scheduling.SchedulingBase
{
    private static void RequireBatchId(string batchId)
    {
        if (string.IsNullOrWhiteSpace(batchId))
        {
            throw RpcErrors.InvalidArgument("batch_id", "Required.");
        }
    }
}
