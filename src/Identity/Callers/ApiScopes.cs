using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ksst.Identity.Callers;

/// <summary>The API scopes: one per service, named like it, granting the audience of the same name.</summary>
internal static class ApiScopes
{
    /// <summary>Registration, Scheduling, Notifications and the identity service's own API (API tokens).</summary>
    public static readonly IReadOnlyList<string> All = ["registration", "scheduling", "notifications", "identity"];

    /// <summary>The permissions to ask for every API scope.</summary>
    public static IEnumerable<string> ScopePermissions => All.Select(scope => Permissions.Prefixes.Scope + scope);
}
