using Ksst.Contracts.Identity;
using Ksst.Ops.OAuth;

namespace Ksst.Ops;

/// <summary>
/// <c>./ksst token ROLE</c>: an access token of a demo caller of the running stack, printed alone
/// (so <c>TOKEN=$(./ksst token organiser)</c> works). Machine roles use client credentials of the
/// demo clients; the participant is a person and signs in through the sign-in page
/// (authorization code with PKCE), as a browser would.
/// </summary>
internal static class TokenCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Prints the token of <paramref name="role"/> (with <paramref name="argument"/>: the agency's country, or a client id or user name).</summary>
    public static async Task<int> PrintAsync(StackAddresses stack, string role, string? argument, TextWriter output, CancellationToken cancellationToken)
    {
        var credentials = stack.ReadDemoCredentials();
        var client = new TokenClient(stack.IssuerUri(), Timeout);
        try
        {
            var token = role switch
            {
                "participant" => await PersonAsync(client, credentials.User(argument ?? DemoCredentials.ParticipantUser), cancellationToken),
                "user" when argument is not null => await PersonAsync(client, credentials.User(argument), cancellationToken),
                _ => await MachineAsync(client, credentials.Client(ClientOf(role, argument)), cancellationToken),
            };
            await output.WriteLineAsync(token.AccessToken);
            return 0;
        }
        catch (KeyNotFoundException e)
        {
            throw new OpsException(e.Message);
        }
        catch (TokenRequestException e)
        {
            throw new OpsException($"the identity service refused: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            throw new OpsException($"the identity service does not answer: {e.Message}");
        }
    }

    /// <summary>The demo client of a machine role.</summary>
    private static string ClientOf(string role, string? argument) => (role, argument) switch
    {
        ("organiser", null) => DemoCredentials.OrganiserClient,
        ("ops", null) => DemoCredentials.OpsClient,
        ("agency", { } country) => DemoCredentials.AgencyClient(country),
        (_, null) when role.StartsWith("agency-", StringComparison.Ordinal) => DemoCredentials.AgencyClient(role["agency-".Length..]),
        ("client", { } clientId) => clientId,
        _ => throw new OpsException($"Unknown role '{role}'. {Usage}"),
    };

    /// <summary>The roles, as <c>./ksst</c> shows them.</summary>
    public const string Usage =
        "Roles: organiser | agency CC (or agency-cc) | ops | participant [USER] | client CLIENT_ID | user USER.";

    private static Task<TokenResponse> MachineAsync(TokenClient client, ClientCredentials credentials, CancellationToken ct) =>
        client.ForClientAsync(credentials.ClientId, credentials.Secret, scope: null, ct);

    private static Task<TokenResponse> PersonAsync(TokenClient client, UserCredentials credentials, CancellationToken ct) =>
        client.ForPersonAsync(credentials.UserName, credentials.Password, scope: null, ct);
}
