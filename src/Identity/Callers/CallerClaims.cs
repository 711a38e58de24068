using System.Security.Claims;
using Ksst.ServiceDefaults.Access;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ksst.Identity.Callers;

/// <summary>
/// The claims of a caller's tokens, with the claim types of the identity contract
/// (<see cref="ClaimNames"/>): <c>sub</c>, <c>role</c>, <c>programme</c> (repeated),
/// <c>country</c>, <c>email</c>, <c>name</c>. OpenIddict adds <c>iss</c>, <c>aud</c> (the granted
/// scopes' resources), <c>client_id</c>, <c>scope</c>, <c>iat</c>, <c>exp</c> and <c>jti</c>.
/// </summary>
internal static class CallerClaims
{
    /// <summary>The claims the identity service puts into tokens besides <c>sub</c>, as the contract names them.</summary>
    public static readonly IReadOnlySet<string> ContractClaims =
        new HashSet<string>([ClaimNames.Role, ClaimNames.Programme, ClaimNames.Country, ClaimNames.Email, ClaimNames.Name], StringComparer.Ordinal);

    /// <summary>The identity of <paramref name="subject"/> with <paramref name="profile"/>, each claim bound for the access token.</summary>
    public static ClaimsIdentity For(string subject, AccessProfile profile)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, ClaimNames.Name, ClaimNames.Role);
        identity.AddClaim(new Claim(ClaimNames.Subject, subject));
        identity.AddClaim(new Claim(ClaimNames.Role, profile.Role));
        foreach (var programme in profile.Programmes)
        {
            identity.AddClaim(new Claim(ClaimNames.Programme, programme));
        }
        Add(identity, ClaimNames.Country, profile.Country);
        Add(identity, ClaimNames.Email, profile.Email);
        Add(identity, ClaimNames.Name, profile.Name);
        identity.SetDestinations(DestinationsOf);
        return identity;
    }

    /// <summary>
    /// Where a claim goes: the contract's claims into the access token (and the identity token,
    /// when the client asked for <c>openid</c>); nothing else leaves the server. (<c>sub</c> goes
    /// into every token regardless.)
    /// </summary>
    public static IEnumerable<string> DestinationsOf(Claim claim) =>
        ContractClaims.Contains(claim.Type) ? [Destinations.AccessToken, Destinations.IdentityToken] : [];

    private static void Add(ClaimsIdentity identity, string type, string? value)
    {
        if (value is not null)
        {
            identity.AddClaim(new Claim(type, value));
        }
    }
}
