using Ksst.Platform.Audit;
using Ksst.Platform.Outbox;
using Ksst.ServiceDefaults.Access;
using Api = Ksst.Contracts.Scheduling.V1;
using static Ksst.ServiceDefaults.Access.Role;

namespace Ksst.Scheduling.Access;

/// <summary>
/// Who may call each of Scheduling's RPCs: the timetable, roster and groups of a batch are its
/// organisers' (checked per batch by <see cref="BatchOrganisers"/>); an itinerary is also its
/// participant's own (<see cref="ItineraryAccess"/>), and so are its calendar feeds
/// (<see cref="FeedAccess"/>); operators may reconcile a roster.
/// </summary>
internal static class SchedulingAccess
{
    private static readonly RpcAccess Organisers = RpcAccess.For(Organiser);

    public static AccessTable Table { get; } = new AccessTable()
        .For(Api.Scheduling.Descriptor,
            ("ListRoster", Organisers),
            ("ReconcileRoster", RpcAccess.For(Organiser, Ops)),
            ("SplitIntoGroups", Organisers),
            ("ListGroups", Organisers),
            ("AssignToGroup", Organisers),
            ("CreateVenue", Organisers),
            ("ListVenues", Organisers),
            ("CreateSpeaker", Organisers),
            ("ListSpeakers", Organisers),
            ("ScheduleSession", Organisers),
            ("CheckSession", Organisers),
            ("RescheduleSession", Organisers),
            ("CancelSession", Organisers),
            ("ListSessions", Organisers),
            ("GetAgenda", Organisers),
            ("GetItinerary", RpcAccess.For(Organiser, Participant)),
            ("GetAgendaCalendar", Organisers),
            ("GetItineraryCalendar", RpcAccess.For(Organiser, Participant)),
            ("CreateCalendarFeed", RpcAccess.For(Organiser, Participant)),
            ("ListCalendarFeeds", RpcAccess.For(Organiser, Participant)),
            ("RevokeCalendarFeed", RpcAccess.For(Organiser, Participant)))
        .WithOutboxOperations()
        .WithAuditLog();
}
