using Ksst.Contracts.Identity.V1;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// Asks the identity service (<c>ApiTokens/CheckApiToken</c>, with this service's own token)
/// about an API token, on every call: nothing is cached, so a revocation holds from the next
/// call. A token not even shaped like one is unknown without asking.
/// </summary>
internal sealed class RemoteApiTokenChecker(ApiTokens.ApiTokensClient identity) : IApiTokenChecker
{
    public async Task<CheckApiTokenResponse> CheckAsync(string secret, CancellationToken ct) =>
        SecretToken.HashOf(secret, ApiTokenFormat.Prefix) is null
            ? new CheckApiTokenResponse { Verdict = ApiTokenVerdict.Unknown }
            : await identity.CheckApiTokenAsync(new CheckApiTokenRequest { Secret = secret }, cancellationToken: ct);
}
