using System.Security.Claims;
using Ksst.Identity.Callers;
using OpenIddict.Abstractions;

namespace Ksst.Identity.Authorization;

/// <summary>Gives a new token's identity its scopes (<see cref="Grants.ScopesFor"/>) and their resources as audiences.</summary>
internal static class ScopeGrant
{
    /// <summary>Grants <paramref name="identity"/> what <paramref name="request"/> asks of <paramref name="application"/>.</summary>
    public static async Task ApplyAsync(
        ClaimsIdentity identity,
        OpenIddictRequest request,
        object application,
        IOpenIddictApplicationManager applications,
        IOpenIddictScopeManager scopes,
        CancellationToken ct)
    {
        var granted = Grants.ScopesFor(request.GetScopes(), await applications.GetPermissionsAsync(application, ct));
        identity.SetScopes(granted);
        var resources = new List<string>();
        await foreach (var resource in scopes.ListResourcesAsync(granted, ct))
        {
            resources.Add(resource);
        }
        identity.SetResources(resources);
    }
}
