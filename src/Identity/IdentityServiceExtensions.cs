using Ksst.Identity.Accounts;
using Ksst.Identity.Authorization;
using Ksst.Identity.Callers;
using Ksst.Identity.Clients;
using Ksst.Identity.Data;
using Ksst.Identity.SignIn;
using Ksst.Platform.Sqlite;

namespace Ksst.Identity;

/// <summary>The identity service: OpenID Connect / OAuth 2.0 server, people's accounts and the sign-in page.</summary>
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
        return builder;
    }

    /// <summary>Maps the authorization, token and end-session endpoints, discovery and JWKS, and the sign-in pages.</summary>
    public static WebApplication MapIdentityService(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAntiforgery();
        app.MapAuthorizationServer();
        app.MapSignIn();
        return app;
    }
}
