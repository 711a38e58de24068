using Ksst.Contracts.Identity.V1;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// Asks the identity service (<c>ApiTokens/CheckApiToken</c>, with this service's own token)
/// about an API token, on every call: nothing is cached, so a revocation holds from the next
/// call. A token not even shaped like one is unknown without asking.
/// </summary>
internal sealed class RemoteApiTokenChecker(ApiTokens.ApiTokensClient identity) : IApiTokenChecker
{
    /// <summary>
    /// How long a check waits for the identity service: a call waits for the connection to be
    /// ready (so one made just as the identity service comes back is not refused), up to this.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task<CheckApiTokenResponse> CheckAsync(string secret, CancellationToken ct) =>
        SecretToken.HashOf(secret, ApiTokenFormat.Prefix) is null
            ? new CheckApiTokenResponse { Verdict = ApiTokenVerdict.Unknown }
            : await identity.CheckApiTokenAsync(new CheckApiTokenRequest { Secret = secret },
                new Grpc.Core.CallOptions(deadline: DateTime.UtcNow + Patience, cancellationToken: ct).WithWaitForReady());
}
