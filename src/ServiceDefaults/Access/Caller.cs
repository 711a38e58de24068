using System.Security.Claims;

namespace Ksst.ServiceDefaults.Access;

/// <summary>Who is calling, as the verified access token says.</summary>
/// <param name="Subject">The user's id, or the client's id for a machine client.</param>
/// <param name="ClientId">The OAuth client the token was issued to.</param>
/// <param name="Role">What the caller is.</param>
/// <param name="Programmes">The programmes an organiser organises ("*" for every one); empty otherwise.</param>
/// <param name="Country">An agency's member country; null otherwise.</param>
/// <param name="Email">A participant's email; null otherwise.</param>
public sealed record Caller(string Subject, string ClientId, Role Role, IReadOnlySet<string> Programmes, string? Country, string? Email)
{
    /// <summary>Whether the caller organises <paramref name="programmeId"/>.</summary>
    public bool Organises(string programmeId) =>
        Role == Role.Organiser && (Programmes.Contains(ClaimNames.EveryProgramme) || Programmes.Contains(programmeId));

    /// <summary>Whether the caller organises every programme (and may create new ones).</summary>
    public bool OrganisesEveryProgramme => Role == Role.Organiser && Programmes.Contains(ClaimNames.EveryProgramme);

    /// <summary>Whether the caller is the agency of <paramref name="country"/>.</summary>
    public bool IsAgencyOf(string country) =>
        Role == Role.Agency && string.Equals(Country, country, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the caller is the participant with <paramref name="email"/>.</summary>
    public bool IsParticipant(string email) =>
        Role == Role.Participant && Email is not null && string.Equals(Email, email, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the caller is the KSST service <paramref name="serviceName"/>.</summary>
    public bool IsService(string serviceName) => Role == Role.Service && ClientId == serviceName;

    /// <summary>The caller a verified principal describes, or null when it names no known role.</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Enum.TryParse<Role>(principal.FindFirstValue(ClaimNames.Role), ignoreCase: true, out var role)
            || !Enum.IsDefined(role))
        {
            return null;
        }
        var clientId = principal.FindFirstValue(ClaimNames.ClientId) ?? principal.FindFirstValue("azp") ?? "";
        var subject = principal.FindFirstValue(ClaimNames.Subject) ?? clientId;
        var programmes = principal.FindAll(ClaimNames.Programme).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(
            subject,
            clientId,
            role,
            programmes,
            principal.FindFirstValue(ClaimNames.Country)?.ToUpperInvariant(),
            principal.FindFirstValue(ClaimNames.Email)?.ToLowerInvariant());
    }
}
