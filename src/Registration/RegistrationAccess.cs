using Ksst.Platform.Audit;
using Ksst.Platform.Outbox;
using Ksst.ServiceDefaults.Access;
using Api = Ksst.Contracts.Registration.V1;
using static Ksst.ServiceDefaults.Access.Role;

namespace Ksst.Registration;

/// <summary>
/// Who may call each of Registration's RPCs. The catalogue (countries, programmes, batches) is
/// readable by every role; changes are organisers'; nominations are organisers', agencies' and
/// participants', each to the ones they may see (<see cref="Nominations.NominationAccess"/>);
/// Scheduling reads batches and nominations, and only Notifications reads contacts.
/// </summary>
internal static class RegistrationAccess
{
    private static readonly RpcAccess Everyone = RpcAccess.For(Organiser, Agency, Participant, Ops);

    public static AccessTable Table { get; } = new AccessTable()
        .For(Api.MemberCountries.Descriptor,
            ("ListMemberCountries", Everyone))
        .For(Api.Programmes.Descriptor,
            ("CreateProgramme", RpcAccess.For(Organiser)),
            ("UpdateProgramme", RpcAccess.For(Organiser)),
            ("GetProgramme", Everyone),
            ("ListProgrammes", Everyone),
            ("CreateBatch", RpcAccess.For(Organiser)),
            ("UpdateBatch", RpcAccess.For(Organiser)),
            ("GetBatch", Everyone.AndServices("scheduling", "notifications")),
            ("ListBatches", Everyone),
            ("ChangeBatchStatus", RpcAccess.For(Organiser)))
        .For(Api.Nominations.Descriptor,
            ("Nominate", RpcAccess.For(Organiser, Agency)),
            ("GetNomination", RpcAccess.For(Organiser, Agency, Participant)),
            ("ListNominations", RpcAccess.For(Organiser, Agency, Participant).AndServices("scheduling")),
            ("CountNominations", RpcAccess.For(Organiser, Agency)),
            ("AcceptNomination", RpcAccess.For(Organiser)),
            ("RejectNomination", RpcAccess.For(Organiser)),
            ("ConfirmNomination", RpcAccess.For(Organiser, Agency, Participant)),
            ("RecordAttendance", RpcAccess.For(Organiser)),
            ("WithdrawNomination", RpcAccess.For(Organiser, Agency, Participant)),
            ("GetParticipantContact", RpcAccess.ForServices("notifications")))
        .WithOutboxOperations()
        .WithAuditLog();
}
