using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Web;
using Ksst.Ops.OAuth;

namespace Ksst.IntegrationTests.Identity;

/// <summary>
/// One person's authorization code flow with PKCE, step by step as a browser goes through it, so
/// a test can look at (or skip) each step: the authorization request, the sign-in page, the form
/// posted back, the redirect with the code, the code exchanged for tokens.
/// </summary>
public sealed class AuthorizationFlow(StackFixture stack, HttpClient browser)
{
    /// <summary>The PKCE secret of this flow.</summary>
    public string Verifier { get; } = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The state this flow sends and expects back.</summary>
    public string State { get; } = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>A loopback callback on a port of the flow's own (the server must take any port).</summary>
    public string RedirectUri { get; } = $"http://127.0.0.1:{Random.Shared.Next(49152, 65535)}/callback";

    /// <summary>The authorization request URL, with <paramref name="overrides"/> replacing or removing (null) parameters.</summary>
    public async Task<Uri> AuthorizeUrlAsync(CancellationToken ct, params (string Name, string? Value)[] overrides)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = TokenClient.CommandLineClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["state"] = State,
            ["code_challenge"] = TokenClient.Challenge(Verifier),
            ["code_challenge_method"] = "S256",
        };
        foreach (var (name, value) in overrides)
        {
            parameters[name] = value;
        }
        var endpoints = await Tokens.Client(stack).DiscoverAsync(ct);
        return new UriBuilder(endpoints.AuthorizationEndpoint)
        {
            Query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}")),
        }.Uri;
    }

    /// <summary>GETs <paramref name="url"/>; the answer, with <see cref="HttpResponseMessage.Headers"/>' Location made absolute.</summary>
    public async Task<(HttpResponseMessage Response, Uri? Location)> GetAsync(Uri url, CancellationToken ct)
    {
        var response = await browser.GetAsync(url, ct);
        return (response, response.Headers.Location is { } location ? new Uri(url, location) : null);
    }

    /// <summary>Submits the sign-in page at <paramref name="page"/> with <paramref name="password"/>, as a browser submits its form.</summary>
    public async Task<(HttpResponseMessage Response, Uri? Location)> SignInAsync(Uri page, string userName, string password, CancellationToken ct)
    {
        using var shown = await browser.GetAsync(page, ct);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var form = SignInForm.Read(await shown.Content.ReadAsStringAsync(ct));
        Assert.NotNull(form);
        var fields = form.Hidden.Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Append(KeyValuePair.Create("userName", userName)).Append(KeyValuePair.Create("password", password));
        var action = new Uri(page, form.Action);
        var response = await browser.PostAsync(action, new FormUrlEncodedContent(fields), ct);
        return (response, response.Headers.Location is { } location ? new Uri(action, location) : null);
    }

    /// <summary>
    /// The flow up to the code: authorize, sign in as <paramref name="userName"/>, back to authorize;
    /// returns the redirect to the client (which carries the code, or an error).
    /// </summary>
    public async Task<Uri> CallbackAsync(string userName, string password, CancellationToken ct)
    {
        var (toSignIn, signInPage) = await GetAsync(await AuthorizeUrlAsync(ct), ct);
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        var (signedIn, back) = await SignInAsync(signInPage!, userName, password, ct);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"The sign-in answered {(int)signedIn.StatusCode}");
        var (toClient, callback) = await GetAsync(back!, ct);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        return callback!;
    }

    /// <summary>The code of a callback, after checking it is this flow's (state, address).</summary>
    public string CodeOf(Uri callback)
    {
        var query = HttpUtility.ParseQueryString(callback.Query);
        Assert.Equal(RedirectUri, callback.GetLeftPart(UriPartial.Path));
        Assert.Equal(State, query["state"]);
        return query["code"] ?? throw new InvalidOperationException($"No code in {callback.Query}");
    }

    /// <summary>Exchanges <paramref name="code"/> at the token endpoint, with <paramref name="verifier"/> (none when null).</summary>
    public Task<HttpResponseMessage> RedeemAsync(string code, string? verifier, CancellationToken ct) =>
        IdentityHttp.PostTokenAsync(stack, Form(
            ("grant_type", "authorization_code"), ("client_id", TokenClient.CommandLineClientId), ("code", code),
            ("redirect_uri", RedirectUri), ("code_verifier", verifier)), ct);

    /// <summary>Form fields without the null ones.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Form(params (string Name, string? Value)[] fields) =>
        fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Name, f.Value!));
}
