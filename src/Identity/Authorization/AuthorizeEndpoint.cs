using System.Security.Claims;
using Ksst.Identity.Accounts;
using Ksst.Identity.Callers;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ksst.Identity.Authorization;

/// <summary>
/// The authorization endpoint, once OpenIddict has checked the request (client, redirect URI,
/// response type, PKCE challenge): a person who is not signed in (or asks to sign in again with
/// <c>prompt=login</c>) goes to the sign-in page and comes back here; a signed-in person gets an
/// authorization code carrying their claims. There is no consent step: the only client is the
/// platform's own command line.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> AuthorizeAsync(
        HttpContext http,
        IOpenIddictApplicationManager applications,
        IOpenIddictScopeManager scopes,
        UserManager<KsstUser> users)
    {
        if (http.GetOpenIddictServerRequest() is not { } request)
        {
            return OAuthRefusal.NotAnOAuthRequest();
        }
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        if (user is null || request.HasPromptValue(PromptValues.Login) || await users.IsLockedOutAsync(user))
        {
            return request.HasPromptValue(PromptValues.None)
                ? OAuthRefusal.Of(Errors.LoginRequired, "The person is not signed in.")
                : Results.Challenge(new AuthenticationProperties { RedirectUri = await ReturnPathAsync(http.Request) }, [IdentityConstants.ApplicationScheme]);
        }
        if (await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted) is not { } application)
        {
            return OAuthRefusal.Of(Errors.InvalidClient, "The client is not known here.");
        }
        var identity = CallerClaims.For(user.Id, user.Profile);
        await ScopeGrant.ApplyAsync(identity, request, application, applications, scopes, http.RequestAborted);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>This request again, without <c>prompt=login</c> (else the way back would ask to sign in once more).</summary>
    private static async Task<string> ReturnPathAsync(HttpRequest request)
    {
        List<KeyValuePair<string, StringValues>> parameters = request.HasFormContentType ? [.. await request.ReadFormAsync()] : [.. request.Query];
        var kept = parameters
            .Select(p => p.Key == Parameters.Prompt
                ? new KeyValuePair<string, StringValues>(p.Key, string.Join(' ', p.Value.ToString().Split(' ').Where(v => v != PromptValues.Login)))
                : p)
            .Where(p => !StringValues.IsNullOrEmpty(p.Value));
        return request.PathBase + request.Path + QueryString.Create(kept);
    }
}
