using Ksst.Identity.Accounts;
using Ksst.Identity.ApiTokens;
using Ksst.Identity.Authorization;
using Ksst.Identity.Callers;
using Ksst.Identity.Clients;
using Ksst.Identity.Data;
using Ksst.Identity.SignIn;
using Ksst.Platform.Sqlite;
using Ksst.ServiceDefaults.Access;

namespace Ksst.Identity;

/// <summary>The identity service: OpenID Connect / OAuth 2.0 server, people's accounts, the sign-in page and personal API tokens.</summary>
public static class IdentityServiceExtensions
{
    /// <summary>
    /// Adds the server, the accounts and the identity database (migrated at start, then the
    /// clients and users of the configured directory registered).
    /// </summary>
    public static WebApplicationBuilder AddIdentityService(this WebApplicationBuilder builder)
    {
        var settings = IdentitySettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(CallerDirectory.Load(settings));
        builder.AddServiceDatabase<IdentityDb>(IdentityDb.ConnectionName);
        builder.Services.AddScoped<IDatabaseSeeder<IdentityDb>, ClientSeeder>();
        builder.Services.AddScoped<IDatabaseSeeder<IdentityDb>, UserSeeder>();
        builder.Services.AddAccounts(settings.KeyDirectory);
        builder.Services.AddAuthorizationServer(settings);
        builder.Services.AddScoped<ApiTokenCommands>();
        builder.Services.AddScoped<ApiTokenQueries>();
        // The identity service checks API tokens presented to it in its own database (before AddGrpcApi, which otherwise asks it over gRPC).
        builder.Services.AddScoped<IApiTokenChecker>(services => services.GetRequiredService<ApiTokenQueries>());
        builder.AddGrpcApi("KSST Identity", "identity", Access.IdentityAccess.Table);
        return builder;
    }

    /// <summary>Maps the authorization, token and end-session endpoints, discovery and JWKS, the sign-in pages and the API tokens' gRPC API.</summary>
    public static WebApplication MapIdentityService(this WebApplication app)
    {
        app.MapGrpcApi();
        app.UseAntiforgery();
        app.MapGrpcService<ApiTokensApi>();
        app.MapAuthorizationServer();
        app.MapSignIn();
        return app;
    }
}
