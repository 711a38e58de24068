using Ksst.Identity.Accounts;
using Ksst.Identity.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server.AspNetCore;

namespace Ksst.Identity.Authorization;

/// <summary>
/// The end-session endpoint: ends the person's sign-in, then OpenIddict sends them to the
/// client's registered <c>post_logout_redirect_uri</c> if one was given, else to the "signed out" page.
/// </summary>
internal static class LogoutEndpoint
{
    public static async Task<IResult> SignOutAsync(SignInManager<KsstUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = SignInEndpoints.SignedOutPath },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
