using Ksst.ServiceDefaults.Errors;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// The two refusals of an organiser, stated once for every service: one who does not organise a
/// programme (NOT_ORGANISER), and one of only some programmes where every programme is at stake
/// (NOT_LEAD_ORGANISER). Both are PERMISSION_DENIED: programmes and batches are the public catalogue.
/// </summary>
public static class OrganiserChecks
{
    /// <summary>Refuses <paramref name="caller"/> unless they organise <paramref name="programmeId"/>; <paramref name="what"/> ends the message (e.g. "for batch 'x'").</summary>
    public static void CheckOrganises(this Caller caller, string programmeId, string what = "")
    {
        if (!caller.Organises(programmeId))
        {
            throw RpcErrors.PermissionDenied("NOT_ORGANISER", $"Only an organiser of programme '{programmeId}' may do this{(what.Length > 0 ? " " + what : "")}.");
        }
    }

    /// <summary>Refuses <paramref name="caller"/> unless they organise every programme; <paramref name="why"/> says what needs that.</summary>
    public static void CheckOrganisesEveryProgramme(this Caller caller, string why)
    {
        if (!caller.OrganisesEveryProgramme)
        {
            throw RpcErrors.PermissionDenied("NOT_LEAD_ORGANISER", why);
        }
    }
}
