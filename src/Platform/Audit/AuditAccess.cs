using Ksst.Contracts.Audit.V1;
using Ksst.ServiceDefaults.Access;

namespace Ksst.Platform.Audit;

/// <summary>
/// Who may read a service's audit log: organisers, and of them (for now) only those of every
/// programme, since an entry's batch is not always known and the log spans every programme.
/// </summary>
public static class AuditAccess
{
    /// <summary>Adds the rule of <see cref="AuditLog"/> to a service's table (every service maps its audit log).</summary>
    public static AccessTable WithAuditLog(this AccessTable table) =>
        table.For(AuditLog.Descriptor, ("ListAuditEntries", RpcAccess.For(Role.Organiser)));

    /// <summary>Refuses an organiser of only some programmes.</summary>
    public static void Check(Caller caller) =>
        caller.CheckOrganisesEveryProgramme("The audit log spans every programme: only an organiser of every programme reads it.");
}
