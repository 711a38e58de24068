using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ksst.Identity.Clients;

/// <summary>
/// The public client through which people sign in from a terminal (<c>./ksst token participant</c>,
/// later a console): authorization code with PKCE (S256), redirected to a loopback address on any
/// port (RFC 8252), with refresh tokens.
/// </summary>
internal static class CommandLineClient
{
    /// <summary>The client id.</summary>
    public const string ClientId = "ksst-cli";

    /// <summary>Its registration (no secret: a public client cannot keep one).</summary>
    public static OpenIddictApplicationDescriptor Descriptor()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientType = ClientTypes.Public,
            // Native: a loopback redirect URI matches on any port.
            ApplicationType = ApplicationTypes.Native,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "KSST command line",
        };
        foreach (var host in new[] { "127.0.0.1", "localhost" })
        {
            descriptor.RedirectUris.Add(new Uri($"http://{host}/callback"));
            descriptor.PostLogoutRedirectUris.Add(new Uri($"http://{host}/signed-out"));
        }
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.Token,
            Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.GrantTypes.RefreshToken,
            Permissions.ResponseTypes.Code,
            .. Callers.ApiScopes.ScopePermissions,
        ]);
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        return descriptor;
    }
}
