using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ksst.Ops.OAuth;

/// <summary>
/// Gets access tokens from the identity service at <paramref name="issuer"/>, as its clients do:
/// client credentials for a machine client, and for a person the authorization code flow with
/// PKCE through the sign-in page, driven the way a browser would (following each redirect itself,
/// keeping the cookies, submitting the form with its hidden fields). Every request is bounded by
/// <paramref name="timeout"/>.
/// </summary>
public sealed class TokenClient(Uri issuer, TimeSpan timeout)
{
    /// <summary>The public client people sign in through.</summary>
    public const string CommandLineClientId = "ksst-cli";

    /// <summary>The token endpoint and authorization endpoint named by the discovery document.</summary>
    /// <param name="TokenEndpoint">Where tokens are asked for.</param>
    /// <param name="AuthorizationEndpoint">Where a person's authorization starts.</param>
    /// <param name="JwksUri">The published signing keys.</param>
    public sealed record Endpoints(Uri TokenEndpoint, Uri AuthorizationEndpoint, Uri JwksUri);

    /// <summary>Reads the discovery document (<c>.well-known/openid-configuration</c> under the issuer).</summary>
    public async Task<Endpoints> DiscoverAsync(CancellationToken ct)
    {
        using var http = NewHttp(new SocketsHttpHandler());
        var root = issuer.AbsoluteUri.EndsWith('/') ? issuer : new Uri(issuer.AbsoluteUri + "/");
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(root, ".well-known/openid-configuration"), ct));
        Uri At(string name) => new(document.RootElement.GetProperty(name).GetString()!);
        return new Endpoints(At("token_endpoint"), At("authorization_endpoint"), At("jwks_uri"));
    }

    /// <summary>A token of the machine client <paramref name="clientId"/> (client credentials, secret in the Basic header).</summary>
    public async Task<TokenResponse> ForClientAsync(string clientId, string secret, string? scope, CancellationToken ct)
    {
        var endpoints = await DiscoverAsync(ct);
        using var http = NewHttp(new SocketsHttpHandler());
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoints.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(Form(("grant_type", "client_credentials"), ("scope", scope))),
        };
        // RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined.
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{WebUtility.UrlEncode(clientId)}:{WebUtility.UrlEncode(secret)}")));
        using var response = await http.SendAsync(request, ct);
        return await ReadTokenAsync(response, ct);
    }

    /// <summary>
    /// A token of the person <paramref name="userName"/>: authorization code with PKCE (S256)
    /// through the sign-in page, for the command-line client, redirected to a loopback URL that is
    /// read, not listened on.
    /// </summary>
    public async Task<TokenResponse> ForPersonAsync(string userName, string password, string? scope, CancellationToken ct)
    {
        var endpoints = await DiscoverAsync(ct);
        using var http = NewHttp(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() });
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var state = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var redirectUri = $"http://127.0.0.1:{Random.Shared.Next(49152, 65535)}/callback";
        var authorize = new UriBuilder(endpoints.AuthorizationEndpoint)
        {
            Query = string.Join('&', Form(
                ("client_id", CommandLineClientId), ("response_type", "code"), ("redirect_uri", redirectUri), ("scope", scope),
                ("state", state), ("code_challenge", Challenge(verifier)), ("code_challenge_method", "S256"))
                .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")),
        }.Uri;

        // The authorization endpoint sends a person who is not signed in to the sign-in page.
        var signInPage = await RedirectAsync(http, authorize, ct);
        using var page = await http.GetAsync(signInPage, ct);
        var form = SignInForm.Read(await page.Content.ReadAsStringAsync(ct))
            ?? throw new TokenRequestException("no_sign_in_form", $"{signInPage} shows no form ({(int)page.StatusCode}).");
        var fields = form.Hidden.Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Append(KeyValuePair.Create("userName", userName)).Append(KeyValuePair.Create("password", password));
        using var submitted = await http.PostAsync(new Uri(signInPage, form.Action), new FormUrlEncodedContent(fields), ct);
        if (submitted.StatusCode != HttpStatusCode.Redirect && submitted.StatusCode != HttpStatusCode.Found)
        {
            throw new TokenRequestException("sign_in_failed", $"The sign-in page refused {userName} ({(int)submitted.StatusCode}).");
        }

        // Back at the authorization endpoint, signed in: it redirects to the client with the code.
        var callback = await RedirectAsync(http, new Uri(signInPage, submitted.Headers.Location!), ct);
        var answer = System.Web.HttpUtility.ParseQueryString(callback.Query);
        if (answer["error"] is { } error)
        {
            throw new TokenRequestException(error, answer["error_description"] ?? "");
        }
        if (answer["state"] != state || answer["code"] is not { } code)
        {
            throw new TokenRequestException("bad_callback", "The redirect to the client carries no code for this request.");
        }
        using var token = await http.PostAsync(endpoints.TokenEndpoint, new FormUrlEncodedContent(Form(
            ("grant_type", "authorization_code"), ("client_id", CommandLineClientId), ("code", code),
            ("redirect_uri", redirectUri), ("code_verifier", verifier))), ct);
        return await ReadTokenAsync(token, ct);
    }

    /// <summary>The PKCE S256 challenge of <paramref name="verifier"/> (RFC 7636 §4.2).</summary>
    public static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>Where <paramref name="url"/> redirects to (it must redirect).</summary>
    private static async Task<Uri> RedirectAsync(HttpClient http, Uri url, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, ct);
        return response.Headers.Location is { } location
            ? new Uri(url, location)
            : throw new TokenRequestException("no_redirect", $"GET {url.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} without a redirect: {await response.Content.ReadAsStringAsync(ct)}");
    }

    private static async Task<TokenResponse> ReadTokenAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        JsonElement json;
        try
        {
            json = JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException)
        {
            throw new TokenRequestException("not_json", $"The token endpoint answered {(int)response.StatusCode} with no JSON.");
        }
        if (!response.IsSuccessStatusCode || !json.TryGetProperty("access_token", out var accessToken))
        {
            throw new TokenRequestException(
                json.TryGetProperty("error", out var error) ? error.GetString() ?? "" : $"http_{(int)response.StatusCode}",
                json.TryGetProperty("error_description", out var description) ? description.GetString() ?? "" : "");
        }
        return new TokenResponse(
            accessToken.GetString()!,
            DateTimeOffset.UtcNow.AddSeconds(json.TryGetProperty("expires_in", out var expiresIn) ? expiresIn.GetInt32() : 0),
            json.TryGetProperty("scope", out var scope) ? scope.GetString() ?? "" : "",
            json.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null);
    }

    private static IEnumerable<KeyValuePair<string, string>> Form(params (string Name, string? Value)[] fields) =>
        fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Name, f.Value!));

    private HttpClient NewHttp(HttpMessageHandler handler) => new(handler) { Timeout = timeout };
}
