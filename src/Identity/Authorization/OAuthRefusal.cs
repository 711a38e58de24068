using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Ksst.Identity.Authorization;

/// <summary>An OAuth error answer, written by OpenIddict in the endpoint's form (JSON at the token endpoint, a redirect at the authorization endpoint).</summary>
internal static class OAuthRefusal
{
    /// <summary>Refuses the request with <paramref name="error"/> (an OAuth error code) and a short reason.</summary>
    public static IResult Of(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>
    /// The answer to a request OpenIddict did not take up (it takes up every request to its
    /// endpoints, so this means the route was reached another way).
    /// </summary>
    public static IResult NotAnOAuthRequest() => Results.Json(
        new Dictionary<string, string> { ["error"] = "invalid_request", ["error_description"] = "The request is not an OAuth request." },
        statusCode: StatusCodes.Status400BadRequest);
}
