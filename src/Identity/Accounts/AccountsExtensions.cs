using Ksst.Identity.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Ksst.Identity.Accounts;

/// <summary>People's accounts: ASP.NET Core Identity users, their passwords, lockout and the sign-in cookie.</summary>
internal static class AccountsExtensions
{
    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int FailedSignInsBeforeLockout = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    /// <summary>How long a sign-in lasts on the sign-in page's cookie (a working day; not renewed by use).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>The sign-in cookie's name.</summary>
    public const string CookieName = "ksst-identity";

    /// <summary>
    /// Users on the identity database with lockout on for everyone, passwords of at least 12
    /// characters (length, not character classes, as NIST SP 800-63B advises), and the sign-in
    /// cookie; its data-protection keys are kept in <paramref name="keyDirectory"/>, so a restart
    /// keeps people signed in and the sign-in forms valid.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, string keyDirectory)
    {
        services.AddIdentityCore<KsstUser>(options =>
            {
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = FailedSignInsBeforeLockout;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<IdentityDb>();
        // No default scheme: the sign-in flow names the cookie's scheme; bearer tokens (the gRPC API) are the default (AddGrpcApi).
        services.AddAuthentication().AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = SignIn.SignInEndpoints.SignInPath;
            options.ExpireTimeSpan = SessionLifetime;
            options.SlidingExpiration = false;
        });
        services.AddDataProtection()
            .SetApplicationName("ksst-identity")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(keyDirectory, "data-protection")));
        services.AddScoped<PasswordCheck>();
        services.AddAntiforgery(options => options.Cookie.Name = CookieName + "-antiforgery");
        return services;
    }
}
