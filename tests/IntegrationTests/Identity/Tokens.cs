using System.Collections.Concurrent;
using Aspire.Hosting.Testing;
using Ksst.Contracts.Identity;
using Ksst.Ops.OAuth;

namespace Ksst.IntegrationTests.Identity;

/// <summary>
/// Access tokens of a running stack's demo callers, from its real token endpoint, with the
/// secrets and passwords of the stack's demo credentials file (<c>&lt;data folder&gt;/identity/demo-credentials.json</c>).
/// Cached per stack and caller until five minutes before they expire (tokens live 30 minutes).
/// </summary>
public static class Tokens
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private static readonly ConcurrentDictionary<(string DataRoot, string Caller), Lazy<Task<TokenResponse>>> Cache = new();

    /// <summary>A token of machine client <paramref name="clientId"/> (client credentials, every scope it may have), e.g. <see cref="DemoCredentials.OrganiserClient"/>.</summary>
    public static Task<string> ForClientAsync(StackFixture stack, string clientId, CancellationToken cancellationToken) =>
        GetAsync(stack, $"client {clientId}", (client, credentials, ct) => client.ForClientAsync(clientId, credentials.Client(clientId).Secret, scope: null, ct), cancellationToken);

    /// <summary>A token of the agency of <paramref name="country"/> (its demo client).</summary>
    public static Task<string> ForAgencyAsync(StackFixture stack, string country, CancellationToken cancellationToken) =>
        ForClientAsync(stack, DemoCredentials.AgencyClient(country), cancellationToken);

    /// <summary>
    /// A token of the person <paramref name="userName"/>, who signs in on the sign-in page
    /// (authorization code with PKCE through the command-line client).
    /// </summary>
    public static Task<string> ForUserAsync(StackFixture stack, string userName, CancellationToken cancellationToken) =>
        GetAsync(stack, $"user {userName}", (client, credentials, ct) => client.ForPersonAsync(userName, credentials.User(userName).Password, scope: null, ct), cancellationToken);

    /// <summary>A token of the demo participant (Nimali Perera, confirmed in batch 3).</summary>
    public static Task<string> ForParticipantAsync(StackFixture stack, CancellationToken cancellationToken) =>
        ForUserAsync(stack, DemoCredentials.ParticipantUser, cancellationToken);

    /// <summary>The stack's demo credentials.</summary>
    public static DemoCredentials Credentials(StackFixture stack) => DemoCredentials.Read(DemoCredentials.PathUnder(stack.DataRoot));

    /// <summary>A client of the stack's identity service (discovery, client credentials, a person's sign-in), uncached.</summary>
    public static TokenClient Client(StackFixture stack) => new(stack.App.GetEndpoint("identity", "http"), StackFixture.Timeout);

    private static async Task<string> GetAsync(
        StackFixture stack,
        string caller,
        Func<TokenClient, DemoCredentials, CancellationToken, Task<TokenResponse>> fetch,
        CancellationToken cancellationToken)
    {
        var key = (stack.DataRoot, caller);
        while (true)
        {
            var entry = Cache.GetOrAdd(key, _ => new Lazy<Task<TokenResponse>>(() => FetchAsync(stack, fetch)));
            TokenResponse token;
            try
            {
                token = await entry.Value.WaitAsync(cancellationToken);
            }
            catch when (!cancellationToken.IsCancellationRequested)
            {
                Cache.TryRemove(KeyValuePair.Create(key, entry)); // The next caller asks afresh.
                throw;
            }
            if (token.ExpiresAt - DateTimeOffset.UtcNow > RenewBefore)
            {
                return token.AccessToken;
            }
            Cache.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    private static async Task<TokenResponse> FetchAsync(StackFixture stack, Func<TokenClient, DemoCredentials, CancellationToken, Task<TokenResponse>> fetch)
    {
        // Shared by every waiting caller, so bounded on its own rather than by one caller's token.
        using var timeout = new CancellationTokenSource(StackFixture.Timeout);
        return await fetch(Client(stack), Credentials(stack), timeout.Token);
    }
}
