using System.Collections.Immutable;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ksst.Identity.Callers;

/// <summary>The scopes a token is granted; each API scope (<see cref="ApiScopes"/>) brings its service's audience.</summary>
internal static class Grants
{
    /// <summary>
    /// The scopes asked for (OpenIddict has already refused any the client may not have); when
    /// none is asked for, every API scope the client may have, and <c>offline_access</c> (a
    /// refresh token) when it may refresh.
    /// </summary>
    public static ImmutableArray<string> ScopesFor(ImmutableArray<string> requested, IEnumerable<string> permissions)
    {
        if (!requested.IsDefaultOrEmpty)
        {
            return requested;
        }
        var allowed = permissions.ToList();
        var granted = allowed
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..])
            .Where(ApiScopes.All.Contains)
            .ToList();
        if (allowed.Contains(Permissions.GrantTypes.RefreshToken))
        {
            granted.Add(Scopes.OfflineAccess);
        }
        return [.. granted];
    }
}
