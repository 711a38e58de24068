using System.Collections.Concurrent;
using Ksst.Contracts.Identity;
using Ksst.Ops.OAuth;

namespace Ksst.StackHarness;

/// <summary>
/// Access tokens of a running stack's demo callers, for the harnesses and tests that call the
/// services: credentials from the stack's generated demo credentials file, tokens from the
/// identity service's real endpoints (client credentials for machine clients, the sign-in with
/// PKCE for people; <see cref="TokenClient"/>), each kept until a minute before it expires.
/// </summary>
public sealed class DemoTokens(Uri identity, string dataRoot)
{
    /// <summary>The demo organiser of every programme.</summary>
    public const string Organiser = DemoCredentials.OrganiserClient;

    /// <summary>The demo operator.</summary>
    public const string Ops = DemoCredentials.OpsClient;

    private readonly ConcurrentDictionary<string, TokenResponse> _tokens = new();
    private readonly TokenClient _client = new(identity, TimeSpan.FromSeconds(30));
    private DemoCredentials? _credentials;

    /// <summary>The demo agency of <paramref name="country"/> (ISO alpha-2).</summary>
    public static string Agency(string country) => DemoCredentials.AgencyClient(country);

    /// <summary>The stack's demo credentials.</summary>
    public DemoCredentials Credentials => _credentials ??= DemoCredentials.Read(DemoCredentials.PathUnder(dataRoot));

    /// <summary>A valid access token of the demo machine client <paramref name="clientId"/>.</summary>
    public Task<string> ForClientAsync(string clientId, CancellationToken ct) =>
        KeptAsync($"client {clientId}", () => _client.ForClientAsync(clientId, Credentials.Client(clientId).Secret, scope: null, ct));

    /// <summary>A valid access token of the demo person <paramref name="userName"/>, signed in as a browser would.</summary>
    public Task<string> ForUserAsync(string userName, CancellationToken ct) =>
        KeptAsync($"user {userName}", () => _client.ForPersonAsync(userName, Credentials.User(userName).Password, scope: null, ct));

    /// <summary>The generated secret of the demo client <paramref name="clientId"/>.</summary>
    public Task<string> SecretOfAsync(string clientId, CancellationToken ct) => Task.FromResult(Credentials.Client(clientId).Secret);

    private async Task<string> KeptAsync(string key, Func<Task<TokenResponse>> fetch)
    {
        if (_tokens.TryGetValue(key, out var kept) && DateTimeOffset.UtcNow < kept.ExpiresAt.AddMinutes(-1))
        {
            return kept.AccessToken;
        }
        var token = await fetch();
        _tokens[key] = token;
        return token.AccessToken;
    }
}
