using Ksst.Identity.Accounts;
using Ksst.Identity.ApiTokens;
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

    /// <summary>Personal API tokens (their secrets' hashes, never the secrets).</summary>
    internal DbSet<ApiToken> ApiTokens => Set<ApiToken>();

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
        builder.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.HasKey(t => t.Id);
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Role).HasMaxLength(16);
            e.Property(t => t.Country).HasMaxLength(2);
            e.Property(t => t.SecretHash).HasMaxLength(32);
            e.Property(t => t.CreatedBy).HasMaxLength(200);
            e.Property(t => t.RevokedBy).HasMaxLength(200);
            e.HasIndex(t => t.SecretHash).IsUnique();
            e.HasIndex(t => t.CreatedAt);
        });
    }
}
