using Aspire.Hosting.Testing;
using Ksst.Contracts.Identity;
using Ksst.Ops.OAuth;

namespace Ksst.IntegrationTests.Identity;

/// <summary>
/// Access tokens of a running stack's demo callers, from its real token endpoint, with the
/// secrets and passwords of the stack's demo credentials file (<c>&lt;data folder&gt;/identity/demo-credentials.json</c>),
/// kept by the stack's <see cref="StackFixture.Tokens"/>; and an uncached client for the tests of the identity service itself.
/// </summary>
public static class Tokens
{
    /// <summary>A token of machine client <paramref name="clientId"/> (client credentials, every scope it may have), e.g. <see cref="DemoCredentials.OrganiserClient"/>.</summary>
    public static Task<string> ForClientAsync(StackFixture stack, string clientId, CancellationToken cancellationToken) =>
        stack.Tokens.ForClientAsync(clientId, cancellationToken);

    /// <summary>A token of the agency of <paramref name="country"/> (its demo client).</summary>
    public static Task<string> ForAgencyAsync(StackFixture stack, string country, CancellationToken cancellationToken) =>
        ForClientAsync(stack, DemoCredentials.AgencyClient(country), cancellationToken);

    /// <summary>
    /// A token of the person <paramref name="userName"/>, who signs in on the sign-in page
    /// (authorization code with PKCE through the command-line client).
    /// </summary>
    public static Task<string> ForUserAsync(StackFixture stack, string userName, CancellationToken cancellationToken) =>
        stack.Tokens.ForUserAsync(userName, cancellationToken);

    /// <summary>A token of the demo participant (Nimali Perera, confirmed in batch 3).</summary>
    public static Task<string> ForParticipantAsync(StackFixture stack, CancellationToken cancellationToken) =>
        ForUserAsync(stack, DemoCredentials.ParticipantUser, cancellationToken);

    /// <summary>The stack's demo credentials.</summary>
    public static DemoCredentials Credentials(StackFixture stack) => DemoCredentials.Read(DemoCredentials.PathUnder(stack.DataRoot));

    /// <summary>A client of the stack's identity service (discovery, client credentials, a person's sign-in), uncached.</summary>
    public static TokenClient Client(StackFixture stack) => new(stack.App.GetEndpoint("identity", "http"), StackFixture.Timeout);
}
