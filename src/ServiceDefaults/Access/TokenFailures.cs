using Ksst.Contracts.Identity.V1;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// Why a request's credentials were not accepted, in a few words a caller can act on and that
/// give nothing away: the token's content and the validator's detail are never echoed.
/// </summary>
public static class TokenFailures
{
    private const string ItemKey = "ksst.access.token-failure";
    private const string UnavailableKey = "ksst.access.token-unchecked";

    /// <summary>Remembers why the bearer token of <paramref name="context"/> was refused.</summary>
    public static void Record(HttpContext context, Exception failure) => Record(context, Reason(failure));

    /// <summary>Remembers <paramref name="reason"/> as why the bearer token of <paramref name="context"/> was refused.</summary>
    public static void Record(HttpContext context, string reason) => context.Items[ItemKey] = reason;

    /// <summary>Remembers that the API token of <paramref name="context"/> could not be checked (the identity service did not answer).</summary>
    public static void RecordUnavailable(HttpContext context)
    {
        context.Items[UnavailableKey] = true;
        Record(context, "the identity service could not check the API token; try again shortly");
    }

    /// <summary>Whether the credentials of <paramref name="context"/> could not be checked, rather than being refused.</summary>
    public static bool IsUnavailable(HttpContext? context) => context?.Items.ContainsKey(UnavailableKey) == true;

    /// <summary>Why the credentials of <paramref name="context"/> were not accepted.</summary>
    public static string Explain(HttpContext? context)
    {
        if (context?.Items[ItemKey] is string reason)
        {
            return reason;
        }
        var header = context?.Request.Headers.Authorization.ToString() ?? "";
        return header.Length == 0 ? "an access token is required (Authorization: Bearer …)"
            : !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? "the Authorization header must be \"Bearer <access token>\""
            : "the access token was not accepted";
    }

    /// <summary>The short reason for <paramref name="failure"/>.</summary>
    public static string Reason(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "the access token has expired",
        SecurityTokenNotYetValidException => "the access token is not valid yet",
        SecurityTokenInvalidAudienceException => "the access token is not meant for this service",
        SecurityTokenInvalidIssuerException => "the access token was not issued by the KSST identity service",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the access token's signature is not valid",
        SecurityTokenMalformedException or ArgumentException => "the access token is not a well-formed JWT",
        SecurityTokenInvalidLifetimeException or SecurityTokenNoExpirationException => "the access token has no valid lifetime",
        InvalidOperationException => "the identity service's keys could not be fetched yet",
        _ => "the access token was not accepted",
    };

    /// <summary>The short reason an API token with <paramref name="verdict"/> is refused.</summary>
    public static string Reason(ApiTokenVerdict verdict) => verdict switch
    {
        ApiTokenVerdict.Revoked => "the API token has been revoked",
        ApiTokenVerdict.Expired => "the API token has expired",
        _ => "the API token is not known",
    };
}
