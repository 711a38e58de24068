using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;

namespace Ksst.Registration.Nominations;

/// <summary>
/// Which nominations a caller may see, and so act on as its RPC's role allows: an organiser those
/// of the programmes they organise, an agency its own country's, a participant their own (by
/// email), a KSST service any it was admitted to the RPC for. A nomination the caller may not see
/// answers NOT_FOUND, exactly as one that does not exist.
/// </summary>
internal static class NominationAccess
{
    /// <summary>Whether <paramref name="caller"/> may see <paramref name="nomination"/> of a batch of <paramref name="programmeId"/>.</summary>
    public static bool Sees(Caller caller, Nomination nomination, string programmeId) => caller.Role switch
    {
        Role.Organiser => caller.Organises(programmeId),
        Role.Agency => caller.IsAgencyOf(nomination.NominatingCountry),
        Role.Participant => caller.IsParticipant(nomination.Email),
        Role.Service => true,
        _ => false,
    };

    /// <summary>
    /// The nominations of <paramref name="nominations"/> that <paramref name="caller"/> may see,
    /// for a batch whose programme the caller was already checked against (<see cref="CheckMayList"/>).
    /// </summary>
    public static IQueryable<Nomination> Visible(IQueryable<Nomination> nominations, Caller caller) => caller.Role switch
    {
        Role.Organiser or Role.Service => nominations,
        Role.Agency => nominations.Where(n => n.NominatingCountry == caller.Country),
        Role.Participant => nominations.Where(n => n.Email == caller.Email),
        _ => nominations.Where(_ => false),
    };

    /// <summary>Refuses an organiser who lists the nominations of a batch of a programme they do not organise.</summary>
    public static void CheckMayList(Caller caller, string programmeId)
    {
        if (caller.Role == Role.Organiser)
        {
            Programmes.ProgrammeAccess.CheckOrganises(caller, programmeId);
        }
    }

    /// <summary>
    /// Refuses a nomination <paramref name="caller"/> may not make: an organiser nominates to the
    /// batches of their programmes, an agency for its own country only and to batches that list it.
    /// </summary>
    public static void CheckMayNominate(Caller caller, Batches.Batch batch, string nominatingCountry)
    {
        if (caller.Role == Role.Organiser)
        {
            Programmes.ProgrammeAccess.CheckOrganises(caller, batch.ProgrammeId);
        }
        else if (!caller.IsAgencyOf(nominatingCountry))
        {
            throw RpcErrors.PermissionDenied("OTHER_COUNTRY", $"An agency nominates for its own country ({caller.Country}) only.");
        }
        else if (!batch.IsEligible(nominatingCountry))
        {
            throw RpcErrors.PermissionDenied("COUNTRY_NOT_LISTED", $"Batch {batch.Id} does not list {nominatingCountry} among the countries that may nominate.");
        }
    }
}
