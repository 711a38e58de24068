using System.Text;
using System.Text.Encodings.Web;

namespace Ksst.Identity.SignIn;

/// <summary>
/// The sign-in page: plain server-rendered HTML (no script), every value HTML-encoded, never
/// cached, never framed.
/// </summary>
internal static class SignInPage
{
    /// <summary>What a failed sign-in says: the same whether the name, the password or a lockout was the reason, so it tells nobody which accounts exist.</summary>
    public const string Failed =
        "The user name or password is not right, or the account is locked after too many failed sign-ins (it unlocks after a few minutes).";

    /// <summary>The form, posting to <paramref name="action"/> with the antiforgery field and the way back.</summary>
    public static IResult Form(string action, string antiforgeryField, string antiforgeryToken, string? returnUrl, string? userName, string? error)
    {
        var body = new StringBuilder()
            .Append("<h1>Sign in to KSST</h1>\n");
        if (error is not null)
        {
            body.Append("<p class=\"error\" role=\"alert\">").Append(Encode(error)).Append("</p>\n");
        }
        body.Append("<form method=\"post\" action=\"").Append(Encode(action)).Append("\">\n")
            .Append(Hidden(antiforgeryField, antiforgeryToken));
        if (returnUrl is not null)
        {
            body.Append(Hidden("returnUrl", returnUrl));
        }
        body.Append("<label for=\"userName\">User name</label>\n")
            .Append("<input id=\"userName\" name=\"userName\" type=\"text\" autocomplete=\"username\" required autofocus value=\"").Append(Encode(userName ?? "")).Append("\">\n")
            .Append("<label for=\"password\">Password</label>\n")
            .Append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n")
            .Append("<button type=\"submit\">Sign in</button>\n")
            .Append("</form>\n");
        return Page("Sign in", body.ToString());
    }

    /// <summary>A page with one message, e.g. "You are signed out."</summary>
    public static IResult Message(string title, string text) =>
        Page(title, $"<h1>{Encode(title)}</h1>\n<p>{Encode(text)}</p>\n");

    private static string Hidden(string name, string value) =>
        $"<input type=\"hidden\" name=\"{Encode(name)}\" value=\"{Encode(value)}\">\n";

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);

    private static IResult Page(string title, string body) => new HtmlPage($$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}} · KSST</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 24rem; margin: 4rem auto; padding: 0 1rem; color: #1a1a1a; }
        label, input, button { display: block; width: 100%; box-sizing: border-box; }
        label { margin-top: 1rem; font-weight: 600; }
        input { padding: .5rem; margin-top: .25rem; border: 1px solid #767676; border-radius: 4px; }
        button { margin-top: 1.5rem; padding: .6rem; background: #0b5cad; color: #fff; border: 0; border-radius: 4px; font-size: 1rem; }
        .error { color: #a40000; border-left: 4px solid #a40000; padding-left: .5rem; }
        </style>
        </head>
        <body>
        <main>
        {{body}}</main>
        </body>
        </html>
        """);

    /// <summary>An HTML answer with the headers a sign-in page needs.</summary>
    private sealed class HtmlPage(string html) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            var headers = http.Response.Headers;
            headers.CacheControl = "no-store";
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            http.Response.ContentType = "text/html; charset=utf-8";
            return http.Response.WriteAsync(html, http.RequestAborted);
        }
    }
}
