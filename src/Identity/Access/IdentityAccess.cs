using Ksst.ServiceDefaults.Access;
using Api = Ksst.Contracts.Identity.V1;
using static Ksst.ServiceDefaults.Access.Role;

namespace Ksst.Identity.Access;

/// <summary>
/// Who may call each of the identity service's RPCs: organisers manage API tokens (and of them,
/// only organisers of every programme: see the API), and the three KSST services check the
/// tokens their callers present. (The OAuth endpoints are not RPCs: they authenticate clients
/// and people themselves.)
/// </summary>
internal static class IdentityAccess
{
    /// <summary>The services that check API tokens.</summary>
    public static readonly string[] TokenCheckers = ["registration", "scheduling", "notifications"];

    public static AccessTable Table { get; } = new AccessTable()
        .For(Api.ApiTokens.Descriptor,
            ("CreateApiToken", RpcAccess.For(Organiser)),
            ("ListApiTokens", RpcAccess.For(Organiser)),
            ("RevokeApiToken", RpcAccess.For(Organiser)),
            ("CheckApiToken", RpcAccess.ForServices(TokenCheckers)));
}
