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

    private readonly ConcurrentDictionary<string, Lazy<Task<TokenResponse>>> _tokens = new();
    private readonly TokenClient _client = new(identity, TimeSpan.FromSeconds(30));
    private DemoCredentials? _credentials;

    /// <summary>The demo agency of <paramref name="country"/> (ISO alpha-2).</summary>
    public static string Agency(string country) => DemoCredentials.AgencyClient(country);

    /// <summary>The stack's demo credentials.</summary>
    public DemoCredentials Credentials => _credentials ??= DemoCredentials.Read(DemoCredentials.PathUnder(dataRoot));

    /// <summary>A valid access token of the demo machine client <paramref name="clientId"/>.</summary>
    public Task<string> ForClientAsync(string clientId, CancellationToken ct) =>
        KeptAsync($"client {clientId}", () => _client.ForClientAsync(clientId, Credentials.Client(clientId).Secret, scope: null, CancellationToken.None)).WaitAsync(ct);

    /// <summary>A valid access token of the demo person <paramref name="userName"/>, signed in as a browser would.</summary>
    public Task<string> ForUserAsync(string userName, CancellationToken ct) =>
        KeptAsync($"user {userName}", () => _client.ForPersonAsync(userName, Credentials.User(userName).Password, scope: null, CancellationToken.None)).WaitAsync(ct);

    /// <summary>The generated secret of the demo client <paramref name="clientId"/>.</summary>
    public Task<string> SecretOfAsync(string clientId, CancellationToken ct) => Task.FromResult(Credentials.Client(clientId).Secret);

    /// <summary>The kept token of <paramref name="key"/>, fetched once for all who ask at the same time; a failed fetch is not kept.</summary>
    private async Task<string> KeptAsync(string key, Func<Task<TokenResponse>> fetch)
    {
        while (true)
        {
            var entry = _tokens.GetOrAdd(key, _ => new Lazy<Task<TokenResponse>>(fetch));
            TokenResponse token;
            try
            {
                token = await entry.Value;
            }
            catch
            {
                _tokens.TryRemove(KeyValuePair.Create(key, entry));
                throw;
            }
            if (DateTimeOffset.UtcNow < token.ExpiresAt.AddMinutes(-1))
            {
                return token.AccessToken;
            }
            _tokens.TryRemove(KeyValuePair.Create(key, entry));
        }
    }
}
