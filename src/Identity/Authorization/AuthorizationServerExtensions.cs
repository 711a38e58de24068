using Ksst.Identity.Callers;
using Ksst.Identity.Data;
using Ksst.Identity.Keys;
using Ksst.ServiceDefaults.Access;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ksst.Identity.Authorization;

/// <summary>The OpenID Connect / OAuth 2.0 server (OpenIddict) and its endpoints.</summary>
internal static class AuthorizationServerExtensions
{
    /// <summary>The authorization endpoint (authorization code flow; people sign in on the way).</summary>
    public const string AuthorizePath = "/connect/authorize";

    /// <summary>The token endpoint (client credentials, authorization code, refresh token).</summary>
    public const string TokenPath = "/connect/token";

    /// <summary>The end-session endpoint (signs the person out).</summary>
    public const string LogoutPath = "/connect/logout";

    /// <summary>Access tokens' lifetime.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(30);

    /// <summary>Refresh tokens' lifetime (a working day; each use returns a new one and retires the old).</summary>
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// OpenIddict's server on the identity database: the three flows, PKCE with S256 required,
    /// plain JWT access tokens (signed RS256, not encrypted, so services validate them with the
    /// JWKS alone), keys from <see cref="ServerKeys"/>, and the issuer of <paramref name="settings"/>.
    /// Plain HTTP is allowed only for a loopback issuer (<see cref="IdentitySettings.IssuerUri"/>):
    /// the development stack has no TLS.
    /// </summary>
    public static IServiceCollection AddAuthorizationServer(this IServiceCollection services, IdentitySettings settings)
    {
        var issuer = settings.IssuerUri();
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                server.SetIssuer(issuer)
                    .SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                    .SetTokenEndpointUris(TokenPath.TrimStart('/'))
                    .SetEndSessionEndpointUris(LogoutPath.TrimStart('/'));
                server.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
                server.RequireProofKeyForCodeExchange();
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.RegisterScopes([.. ApiScopes.All]);
                server.RegisterClaims([.. CallerClaims.ContractClaims, ClaimNames.ClientId]);
                server.SetAccessTokenLifetime(AccessTokenLifetime).SetRefreshTokenLifetime(RefreshTokenLifetime);
                server.AddSigningKey(ServerKeys.Signing(settings.KeyDirectory))
                    .AddEncryptionKey(ServerKeys.Encryption(settings.KeyDirectory))
                    .DisableAccessTokenEncryption();
                var host = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (issuer.Scheme == Uri.UriSchemeHttp)
                {
                    host.DisableTransportSecurityRequirement();
                }
            });
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<TokenPruner>();
        return services;
    }

    /// <summary>Maps the passthrough endpoints (discovery and JWKS are OpenIddict's own).</summary>
    public static WebApplication MapAuthorizationServer(this WebApplication app)
    {
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.AuthorizeAsync);
        app.MapPost(TokenPath, TokenEndpoint.ExchangeAsync);
        app.MapMethods(LogoutPath, [HttpMethods.Get, HttpMethods.Post], LogoutEndpoint.SignOutAsync);
        return app;
    }
}
