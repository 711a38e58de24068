using Google.Protobuf.WellKnownTypes;
using Api = Ksst.Contracts.Identity.V1;

namespace Ksst.Identity.ApiTokens;

/// <summary>An API token as the API shows it: never its secret or hash.</summary>
internal static class ApiTokenMapping
{
    public static Api.ApiToken ToApi(ApiToken token)
    {
        var api = new Api.ApiToken
        {
            TokenId = token.Id.ToString(),
            Name = token.Name,
            Role = token.Role == "agency" ? Api.ApiTokenRole.Agency : Api.ApiTokenRole.Ops,
            Country = token.Country ?? "",
            CreatedBy = token.CreatedBy,
            CreatedAt = Timestamp.FromDateTimeOffset(token.CreatedAt),
            ExpiresAt = Timestamp.FromDateTimeOffset(token.ExpiresAt),
            RevokedBy = token.RevokedBy ?? "",
        };
        if (token.RevokedAt is { } revokedAt)
        {
            api.RevokedAt = Timestamp.FromDateTimeOffset(revokedAt);
        }
        return api;
    }
}
