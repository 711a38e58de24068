using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ksst.StackHarness;

/// <summary>
/// Access tokens of a running stack's demo machine clients, for the harnesses and tests that call
/// the services: each client's secret is read from the stack's generated
/// <c>&lt;data folder&gt;/identity/demo-credentials.json</c>, and its token is obtained from the
/// identity service's real token endpoint with client credentials, then kept until a minute
/// before it expires.
/// </summary>
public sealed class DemoTokens(Uri identity, string dataRoot)
{
    /// <summary>The demo organiser of every programme.</summary>
    public const string Organiser = "demo-organiser";

    /// <summary>The demo operator.</summary>
    public const string Ops = "demo-ops";

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset RenewAt)> _tokens = new();
    private readonly HttpClient _http = new() { BaseAddress = identity, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Where the demo credentials of the stack on <paramref name="dataRoot"/> are.</summary>
    public static string CredentialsPath(string dataRoot) => Path.Combine(dataRoot, "identity", "demo-credentials.json");

    /// <summary>The demo agency of <paramref name="country"/> (ISO alpha-2).</summary>
    public static string Agency(string country) => $"demo-agency-{country.ToLowerInvariant()}";

    /// <summary>A valid access token of the demo client <paramref name="clientId"/>.</summary>
    public async Task<string> ForClientAsync(string clientId, CancellationToken ct)
    {
        if (_tokens.TryGetValue(clientId, out var kept) && DateTimeOffset.UtcNow < kept.RenewAt)
        {
            return kept.Token;
        }
        using var response = await _http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = await SecretOfAsync(clientId, ct),
        }), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The identity service refused {clientId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(ct) ?? throw new InvalidOperationException("No token in the answer.");
        _tokens[clientId] = (token.AccessToken, DateTimeOffset.UtcNow.AddSeconds(token.ExpiresIn - 60));
        return token.AccessToken;
    }

    /// <summary>The generated secret of the demo client <paramref name="clientId"/>.</summary>
    public async Task<string> SecretOfAsync(string clientId, CancellationToken ct)
    {
        await using var file = File.OpenRead(CredentialsPath(dataRoot));
        var credentials = await JsonSerializer.DeserializeAsync<CredentialsFile>(file, cancellationToken: ct)
            ?? throw new InvalidOperationException("The demo credentials file is empty.");
        return credentials.Clients.SingleOrDefault(c => c.ClientId == clientId)?.Secret
            ?? throw new InvalidOperationException($"No demo client {clientId} in {CredentialsPath(dataRoot)}.");
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record CredentialsFile([property: JsonPropertyName("clients")] List<ClientEntry> Clients);

    private sealed record ClientEntry(
        [property: JsonPropertyName("clientId")] string ClientId,
        [property: JsonPropertyName("secret")] string Secret);
}
