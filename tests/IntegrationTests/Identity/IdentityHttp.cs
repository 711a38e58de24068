using System.Net;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Ksst.Ops.OAuth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ksst.IntegrationTests.Identity;

/// <summary>Talking to the identity service as its clients and a browser do, and checking what it answers.</summary>
public static class IdentityHttp
{
    /// <summary>A browser: keeps cookies, follows no redirect by itself.</summary>
    public static HttpClient Browser() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        Timeout = StackFixture.Timeout,
    };

    /// <summary>The issuer the stack's tokens must carry: the identity service's "http" URL.</summary>
    public static string Issuer(StackFixture stack) => stack.App.GetEndpoint("identity", "http").GetLeftPart(UriPartial.Authority) + "/";

    /// <summary>Posts <paramref name="fields"/> to the token endpoint.</summary>
    public static async Task<HttpResponseMessage> PostTokenAsync(StackFixture stack, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct)
    {
        var endpoints = await Tokens.Client(stack).DiscoverAsync(ct);
        using var http = new HttpClient { Timeout = StackFixture.Timeout };
        return await http.PostAsync(endpoints.TokenEndpoint, new FormUrlEncodedContent(fields), ct);
    }

    /// <summary>The OAuth error of a refused token request: its status, <c>error</c> and content type.</summary>
    public static async Task<(HttpStatusCode Status, string? Error, string? ContentType)> ErrorOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        using var json = JsonDocument.Parse(body);
        return (response.StatusCode, json.RootElement.TryGetProperty("error", out var error) ? error.GetString() : null, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Validates <paramref name="token"/> as a service would: signature against the JWKS published
    /// now, issuer, audience <paramref name="audience"/>, lifetime.
    /// </summary>
    public static async Task<TokenValidationResult> ValidateAsync(StackFixture stack, string token, string audience, CancellationToken ct)
    {
        var endpoints = await Tokens.Client(stack).DiscoverAsync(ct);
        using var http = new HttpClient { Timeout = StackFixture.Timeout };
        var keys = new JsonWebKeySet(await http.GetStringAsync(endpoints.JwksUri, ct));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer(stack),
            ValidAudience = audience,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidateLifetime = true,
            RequireSignedTokens = true,
        }).WaitAsync(ct);
    }

    /// <summary>The values of claim <paramref name="type"/> in <paramref name="token"/>.</summary>
    public static IReadOnlyList<string> Claims(JsonWebToken token, string type) =>
        token.Claims.Where(c => c.Type == type).Select(c => c.Value).ToList();

    /// <summary>A token response's access token, or fails with what the server said.</summary>
    public static async Task<string> AccessTokenOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"The token endpoint answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>The PKCE challenge of <paramref name="verifier"/>.</summary>
    public static string Challenge(string verifier) => TokenClient.Challenge(verifier);
}
