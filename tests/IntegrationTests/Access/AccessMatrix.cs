namespace Ksst.IntegrationTests.Access;

/// <summary>
/// The access rules as the issue states them, written down independently of the services'
/// tables: for every RPC, the callers admitted to it. Anyone else is PERMISSION_DENIED, and no
/// token at all is UNAUTHENTICATED.
/// </summary>
internal static class AccessMatrix
{
    /// <summary>The kinds of caller the matrix is tried with (besides anonymous).</summary>
    public static readonly string[] Callers = ["organiser", "agency", "participant", "ops", "scheduling", "notifications", "agency-api-token", "ops-api-token"];

    /// <summary>Whether <paramref name="caller"/> is admitted to <paramref name="fullMethod"/>: a personal API token as the role it acts in.</summary>
    public static bool Admits(string fullMethod, string caller) =>
        Admitted[fullMethod].Contains(caller.EndsWith("-api-token", StringComparison.Ordinal) ? caller[..^"-api-token".Length] : caller);

    private const string Everyone = "organiser agency participant ops";

    /// <summary>"/package.Service/Method" → the callers admitted.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Admitted = new Dictionary<string, string>
    {
        ["/ksst.registration.v1.MemberCountries/ListMemberCountries"] = Everyone,
        ["/ksst.registration.v1.Programmes/CreateProgramme"] = "organiser",
        ["/ksst.registration.v1.Programmes/UpdateProgramme"] = "organiser",
        ["/ksst.registration.v1.Programmes/GetProgramme"] = Everyone,
        ["/ksst.registration.v1.Programmes/ListProgrammes"] = Everyone,
        ["/ksst.registration.v1.Programmes/CreateBatch"] = "organiser",
        ["/ksst.registration.v1.Programmes/UpdateBatch"] = "organiser",
        ["/ksst.registration.v1.Programmes/GetBatch"] = Everyone + " scheduling notifications",
        ["/ksst.registration.v1.Programmes/ListBatches"] = Everyone,
        ["/ksst.registration.v1.Programmes/ChangeBatchStatus"] = "organiser",
        ["/ksst.registration.v1.Nominations/Nominate"] = "organiser agency",
        ["/ksst.registration.v1.Nominations/GetNomination"] = "organiser agency participant",
        ["/ksst.registration.v1.Nominations/ListNominations"] = "organiser agency participant scheduling",
        ["/ksst.registration.v1.Nominations/CountNominations"] = "organiser agency",
        ["/ksst.registration.v1.Nominations/AcceptNomination"] = "organiser",
        ["/ksst.registration.v1.Nominations/RejectNomination"] = "organiser",
        ["/ksst.registration.v1.Nominations/ConfirmNomination"] = "organiser agency participant",
        ["/ksst.registration.v1.Nominations/RecordAttendance"] = "organiser",
        ["/ksst.registration.v1.Nominations/WithdrawNomination"] = "organiser agency participant",
        ["/ksst.registration.v1.Nominations/GetParticipantContact"] = "notifications",
        ["/ksst.scheduling.v1.Scheduling/ListRoster"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/ReconcileRoster"] = "organiser ops",
        ["/ksst.scheduling.v1.Scheduling/SplitIntoGroups"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/ListGroups"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/AssignToGroup"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/CreateVenue"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/ListVenues"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/CreateSpeaker"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/ListSpeakers"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/ScheduleSession"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/CheckSession"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/RescheduleSession"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/CancelSession"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/ListSessions"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/GetAgenda"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/GetItinerary"] = "organiser participant",
        ["/ksst.scheduling.v1.Scheduling/GetAgendaCalendar"] = "organiser",
        ["/ksst.scheduling.v1.Scheduling/GetItineraryCalendar"] = "organiser participant",
        ["/ksst.scheduling.v1.Scheduling/CreateCalendarFeed"] = "organiser participant",
        ["/ksst.scheduling.v1.Scheduling/ListCalendarFeeds"] = "organiser participant",
        ["/ksst.scheduling.v1.Scheduling/RevokeCalendarFeed"] = "organiser participant",
        ["/ksst.notifications.v1.Notifications/ListDeliveries"] = "organiser participant ops",
        ["/ksst.notifications.v1.Notifications/ResendDelivery"] = "organiser ops",
        ["/ksst.notifications.v1.Notifications/ListReminders"] = "organiser ops",
        ["/ksst.notifications.v1.Notifications/CreateWebhookSubscription"] = "organiser",
        ["/ksst.notifications.v1.Notifications/ListWebhookSubscriptions"] = "organiser ops",
        ["/ksst.notifications.v1.Notifications/DeleteWebhookSubscription"] = "organiser",
        ["/ksst.notifications.v1.Notifications/ListWebhookDeliveries"] = "organiser ops",
        ["/ksst.notifications.v1.Notifications/ResendWebhookDelivery"] = "organiser ops",
        ["/ksst.audit.v1.AuditLog/ListAuditEntries"] = "organiser",
        ["/ksst.operations.v1.OutboxOperations/ListOutboxEvents"] = "ops",
        ["/ksst.operations.v1.OutboxOperations/RetryDeadEvents"] = "ops",
        ["/ksst.identity.v1.ApiTokens/CreateApiToken"] = "organiser",
        ["/ksst.identity.v1.ApiTokens/ListApiTokens"] = "organiser",
        ["/ksst.identity.v1.ApiTokens/RevokeApiToken"] = "organiser",
        ["/ksst.identity.v1.ApiTokens/CheckApiToken"] = "scheduling notifications",
    }.ToDictionary(e => e.Key, e => e.Value.Split(' '));

    /// <summary>A caller the RPC admits (an organiser wherever one is), to call it as one who may.</summary>
    public static string AdmittedCaller(Google.Protobuf.Reflection.MethodDescriptor method) =>
        Admitted[$"/{method.Service.FullName}/{method.Name}"][0];

    /// <summary>The services that serve a gRPC service (the outbox's operator API is served by those with an outbox).</summary>
    public static IEnumerable<string> ServedBy(string grpcService) => grpcService switch
    {
        "ksst.operations.v1.OutboxOperations" => ["registration", "scheduling"],
        "ksst.audit.v1.AuditLog" => ["registration", "scheduling", "notifications"],
        _ when grpcService.StartsWith("ksst.identity.", StringComparison.Ordinal) => ["identity"],
        _ when grpcService.StartsWith("ksst.registration.", StringComparison.Ordinal) => ["registration"],
        _ when grpcService.StartsWith("ksst.scheduling.", StringComparison.Ordinal) => ["scheduling"],
        _ => ["notifications"],
    };
}
