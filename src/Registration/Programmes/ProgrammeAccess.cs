using Ksst.ServiceDefaults.Access;

namespace Ksst.Registration.Programmes;

/// <summary>
/// Who may change a programme and its batches: its organisers; a new programme, an organiser of
/// every programme. Programmes and batches are the public catalogue, so a caller who may not
/// change one is told so (PERMISSION_DENIED) rather than told it does not exist.
/// </summary>
internal static class ProgrammeAccess
{
    /// <summary>Refuses <paramref name="caller"/> unless they organise <paramref name="programmeId"/>.</summary>
    public static void CheckOrganises(Caller caller, string programmeId) => caller.CheckOrganises(programmeId);

    /// <summary>Refuses <paramref name="caller"/> unless they organise every programme.</summary>
    public static void CheckOrganisesEveryProgramme(Caller caller) =>
        caller.CheckOrganisesEveryProgramme("Only an organiser of every programme may create a programme.");
}
