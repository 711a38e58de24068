using Ksst.Identity.Accounts;
using Ksst.Platform.Sqlite;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Identity.Data;

/// <summary>
/// The identity service's own database: users (ASP.NET Core Identity, without roles: a user's
/// role is a claim) and OpenIddict's applications, scopes, authorizations and tokens. The
/// service's own writes (registering clients and users at start) go through the unit of work;
/// the libraries' stores write the rest themselves (a token's row as it is issued, a failed
/// sign-in's count), each a single statement or short transaction of its own.
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityUserContext<KsstUser>(options)
{
    /// <summary>The connection string's name (<c>ConnectionStrings__identity-db</c>).</summary>
    public const string ConnectionName = "identity-db";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcTicksForTimes();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.Entity<KsstUser>(e =>
        {
            e.Property(u => u.Role).HasMaxLength(16);
            e.Property(u => u.Country).HasMaxLength(2);
            e.Property(u => u.DisplayName).HasMaxLength(200);
        });
    }
}
