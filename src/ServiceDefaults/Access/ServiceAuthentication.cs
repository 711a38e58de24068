using Ksst.Contracts.Identity.V1;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// Verifies the bearer tokens of incoming calls offline: signature against the identity service's
/// published keys (fetched once and cached, refreshed at most every minute when a token names a
/// key not yet seen), issuer, audience (this service's name) and lifetime. A running service
/// keeps verifying while the identity service restarts. A personal API token ("Bearer ksst_pat_…")
/// goes to <see cref="ApiTokenHandler"/> instead, which asks the identity service on every call.
/// </summary>
internal static class ServiceAuthentication
{
    public static void Add(IHostApplicationBuilder builder, string serviceName, AccessTable table)
    {
        var identity = builder.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions();
        if (!Uri.TryCreate(identity.Authority, UriKind.Absolute, out var authority))
        {
            throw new InvalidOperationException(
                $"{serviceName} needs the identity service: set Identity:Authority (the AppHost does) to its URL.");
        }
        builder.Services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section);
        builder.Services.AddSingleton(table);
        builder.Services.AddAuthorization();
        AddApiTokenChecker(builder.Services);
        builder.Services.AddAuthentication(CredentialsScheme)
            .AddPolicyScheme(CredentialsScheme, "KSST access token or API token", o => o.ForwardDefaultSelector = context =>
                ApiTokenFormat.Read(context.Request.Headers.Authorization) is null ? JwtBearerDefaults.AuthenticationScheme : ApiTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddJwtBearer(o =>
            {
                o.Authority = authority.ToString();
                o.Audience = serviceName;
                // The stack runs on loopback only; a deployment puts TLS in front (see README).
                o.RequireHttpsMetadata = false;
                o.MapInboundClaims = false;
                o.RefreshInterval = TimeSpan.FromMinutes(1);
                o.TokenValidationParameters.NameClaimType = ClaimNames.Subject;
                o.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
                o.TokenValidationParameters.ValidAlgorithms = ["RS256"];
                o.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
                o.Events = new JwtBearerEvents
                {
                    OnAuthenticationFailed = context =>
                    {
                        TokenFailures.Record(context.HttpContext, context.Exception);
                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddHostedService<IdentityKeysWarmUp>();
    }

    /// <summary>The default scheme: an API token's or a JWT's, by the form of the bearer token.</summary>
    public const string CredentialsScheme = "KsstCredentials";

    /// <summary>Asks the identity service about API tokens, unless the service checks them itself (the identity service does).</summary>
    private static void AddApiTokenChecker(IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(IApiTokenChecker)))
        {
            return;
        }
        services.AddServiceGrpcClient<ApiTokens.ApiTokensClient>("identity");
        services.AddScoped<IApiTokenChecker, RemoteApiTokenChecker>();
    }
}
