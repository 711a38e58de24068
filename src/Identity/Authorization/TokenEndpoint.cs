using System.Security.Claims;
using Ksst.Identity.Accounts;
using Ksst.Identity.Callers;
using Ksst.Identity.Clients;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ksst.Identity.Authorization;

/// <summary>
/// The token endpoint, once OpenIddict has checked the request (client, secret, grant, code and
/// PKCE verifier): issues the caller's claims. Client credentials: the client's stored profile,
/// <c>sub</c> = its client id. Authorization code and refresh token: the person's current
/// profile, unless the account is gone or locked.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> ExchangeAsync(
        HttpContext http,
        IOpenIddictApplicationManager applications,
        IOpenIddictScopeManager scopes,
        UserManager<KsstUser> users,
        SignInManager<KsstUser> signIn)
    {
        if (http.GetOpenIddictServerRequest() is not { } request)
        {
            return OAuthRefusal.NotAnOAuthRequest();
        }
        if (request.IsClientCredentialsGrantType())
        {
            return await ForClientAsync(request, applications, scopes, http.RequestAborted);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            return await ForPersonAsync(http, users, signIn);
        }
        return OAuthRefusal.Of(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> ForClientAsync(
        OpenIddictRequest request, IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes, CancellationToken ct)
    {
        var clientId = request.ClientId!;
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } application
            || MachineClient.ProfileOf(await applications.GetPropertiesAsync(application, ct)) is not { } profile)
        {
            return OAuthRefusal.Of(Errors.InvalidClient, "The client has no access profile.");
        }
        var identity = CallerClaims.For(clientId, profile);
        await ScopeGrant.ApplyAsync(identity, request, application, applications, scopes, ct);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> ForPersonAsync(HttpContext http, UserManager<KsstUser> users, SignInManager<KsstUser> signIn)
    {
        // The principal of the code or refresh token, already validated by OpenIddict.
        var grant = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (grant?.GetClaim(Claims.Subject) is not { } subject || await users.FindByIdAsync(subject) is not { } user)
        {
            return OAuthRefusal.Of(Errors.InvalidGrant, "The grant is no longer valid.");
        }
        if (!await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            return OAuthRefusal.Of(Errors.InvalidGrant, "The account may not sign in now.");
        }
        // The person's profile as it is now: a changed role or country applies at the next refresh.
        var identity = CallerClaims.For(user.Id, user.Profile);
        identity.SetScopes(grant.GetScopes());
        identity.SetResources(grant.GetResources());
        identity.SetAuthorizationId(grant.GetAuthorizationId());
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
