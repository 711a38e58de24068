using Ksst.Identity.Accounts;
using Ksst.Identity.Authorization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Ksst.Identity.SignIn;

/// <summary>
/// The sign-in page (GET shows the form, POST checks the password with lockout on) and the
/// "signed out" page. A successful sign-in goes back to the authorization request that sent the
/// person here; nowhere else (no open redirect).
/// </summary>
internal static class SignInEndpoints
{
    /// <summary>The sign-in page.</summary>
    public const string SignInPath = "/signin";

    /// <summary>Where the end-session endpoint sends a person without a client to go back to.</summary>
    public const string SignedOutPath = "/signed-out";

    /// <summary>Maps the pages.</summary>
    public static WebApplication MapSignIn(this WebApplication app)
    {
        app.MapGet(SignInPath, Show);
        app.MapPost(SignInPath, SubmitAsync);
        app.MapGet(SignedOutPath, () => SignInPage.Message("Signed out", "You are signed out of KSST."));
        return app;
    }

    private static IResult Show(HttpContext http, IAntiforgery antiforgery, [FromQuery(Name = "ReturnUrl")] string? returnUrl) =>
        Form(http, antiforgery, ReturnUrls.Accepted(returnUrl), userName: null, error: null);

    private static async Task<IResult> SubmitAsync(
        HttpContext http,
        IAntiforgery antiforgery,
        PasswordCheck passwords,
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromForm] string? returnUrl)
    {
        var back = ReturnUrls.Accepted(returnUrl);
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password) || !await passwords.SignInAsync(userName, password))
        {
            return Form(http, antiforgery, back, userName, SignInPage.Failed);
        }
        return back is null
            ? SignInPage.Message("Signed in", "You are signed in to KSST. Sign-ins come here from an application; you can close this page.")
            : Results.Redirect(back);
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? userName, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return SignInPage.Form(http.Request.PathBase + SignInPath, tokens.FormFieldName, tokens.RequestToken!, returnUrl, userName, error);
    }
}

/// <summary>Which way back after signing in is taken: only this service's own authorization endpoint.</summary>
internal static class ReturnUrls
{
    /// <summary><paramref name="returnUrl"/> if it is a path to the authorization endpoint, else null.</summary>
    public static string? Accepted(string? returnUrl) =>
        returnUrl is not null
        && (returnUrl == AuthorizationServerExtensions.AuthorizePath || returnUrl.StartsWith(AuthorizationServerExtensions.AuthorizePath + "?", StringComparison.Ordinal))
            ? returnUrl
            : null;
}
