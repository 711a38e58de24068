using Ksst.Contracts.Audit.V1;
using Ksst.ServiceDefaults.Access;

namespace Ksst.Platform.Audit;

/// <summary>
/// Who may read a service's audit log: organisers. An organiser of every programme reads all of
/// it; an organiser of some programmes reads it one batch at a time (the batch filter set to a
/// batch of a programme they organise), since the log spans every programme and an entry without
/// a batch (a programme's own row, the service's own work) belongs to none of theirs.
/// </summary>
public static class AuditAccess
{
    /// <summary>Adds the rule of <see cref="AuditLog"/> to a service's table (every service maps its audit log).</summary>
    public static AccessTable WithAuditLog(this AccessTable table) =>
        table.For(AuditLog.Descriptor, ("ListAuditEntries", RpcAccess.For(Role.Organiser)));

    /// <summary>Refuses <paramref name="caller"/> unless they organise every programme or the programme of <paramref name="batchId"/>.</summary>
    public static async Task CheckAsync(Caller caller, string batchId, IBatchOrganiserCheck organisers, CancellationToken ct)
    {
        if (caller.OrganisesEveryProgramme)
        {
            return;
        }
        if (batchId.Length == 0)
        {
            caller.CheckOrganisesEveryProgramme(
                "The audit log spans every programme: an organiser of some programmes reads it one batch at a time (set batch_id to one of theirs).");
        }
        await organisers.CheckAsync(caller, batchId, ct);
    }
}
