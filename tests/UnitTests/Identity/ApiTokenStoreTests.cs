using Grpc.Core;
using Ksst.Contracts.Identity.V1;
using Ksst.Identity.ApiTokens;
using Ksst.Identity.Data;
using Ksst.Platform.Sqlite;
using Ksst.ServiceDefaults.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ApiToken = Ksst.Identity.ApiTokens.ApiToken;

namespace Ksst.UnitTests.Identity;

/// <summary>API tokens in the identity service's real database (a fresh SQLite file, migrated, its unit of work as the service registers it).</summary>
public sealed class ApiTokenStoreTests : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ksst-api-tokens-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2018, 7, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly IHost _host;

    public ApiTokenStoreTests()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:identity-db"] = $"Data Source={_file};Pooling=False" });
        builder.AddServiceDatabase<IdentityDb>(IdentityDb.ConnectionName);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddScoped<ApiTokenCommands>();
        builder.Services.AddScoped<ApiTokenQueries>();
        _host = builder.Build();
        using var scope = _host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IdentityDb>().Database.Migrate();
    }

    private async Task<T> InScopeAsync<T>(Func<ApiTokenCommands, ApiTokenQueries, IdentityDb, Task<T>> work)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await work(services.GetRequiredService<ApiTokenCommands>(), services.GetRequiredService<ApiTokenQueries>(), services.GetRequiredService<IdentityDb>()).WaitAsync(Timeout);
    }

    private static readonly ApiTokenPlan LankaAgency = new("LK ministry nomination system", "agency", "LK", TimeSpan.FromDays(30));

    private Task<(ApiToken Token, string Secret)> CreateAsync(ApiTokenPlan? plan = null) =>
        InScopeAsync((commands, _, _) => commands.CreateAsync(plan ?? LankaAgency, "organiser", CancellationToken.None));

    private Task<CheckApiTokenResponse> CheckAsync(string secret) => InScopeAsync((_, q, _) => q.CheckAsync(secret, CancellationToken.None));

    [Fact]
    public async Task A_new_token_works_as_its_role_and_country_and_only_its_hash_is_stored()
    {
        var (token, secret) = await CreateAsync();
        Assert.StartsWith(ApiTokenFormat.Prefix, secret);
        Assert.Equal(ApiTokenFormat.Length, secret.Length);

        var check = await CheckAsync(secret);
        Assert.Equal(ApiTokenVerdict.Active, check.Verdict);
        Assert.Equal((token.Id.ToString(), ApiTokenRole.Agency, "LK", "organiser"), (check.Token.TokenId, check.Token.Role, check.Token.Country, check.Token.CreatedBy));
        Assert.Equal(_clock.GetUtcNow().AddDays(30), check.Token.ExpiresAt.ToDateTimeOffset());

        var stored = await InScopeAsync((_, _, db) => db.ApiTokens.AsNoTracking().SingleAsync());
        Assert.Equal(SecretToken.HashOf(secret, ApiTokenFormat.Prefix), stored.SecretHash);
        var raw = await File.ReadAllBytesAsync(_file);
        Assert.DoesNotContain(secret[ApiTokenFormat.Prefix.Length..], System.Text.Encoding.ASCII.GetString(raw), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_once_and_revoking_again_keeps_the_first_revocation()
    {
        var (token, secret) = await CreateAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));
        var revoked = await InScopeAsync((c, _, _) => c.RevokeAsync(token.Id, "lead-organiser", CancellationToken.None));
        Assert.Equal((_clock.GetUtcNow(), "lead-organiser"), (revoked.RevokedAt, revoked.RevokedBy));
        var check = await CheckAsync(secret);
        Assert.Equal(ApiTokenVerdict.Revoked, check.Verdict);
        Assert.Null(check.Token);

        _clock.Advance(TimeSpan.FromMinutes(5));
        var again = await InScopeAsync((c, _, _) => c.RevokeAsync(token.Id, "someone-else", CancellationToken.None));
        Assert.Equal((revoked.RevokedAt, "lead-organiser"), (again.RevokedAt, again.RevokedBy));

        var missing = await Assert.ThrowsAsync<RpcException>(() => InScopeAsync((c, _, _) => c.RevokeAsync(Guid.NewGuid(), "organiser", CancellationToken.None)));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_token_stops_working_when_its_validity_runs_out()
    {
        var (_, secret) = await CreateAsync();
        _clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(ApiTokenVerdict.Active, (await CheckAsync(secret)).Verdict);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ApiTokenVerdict.Expired, (await CheckAsync(secret)).Verdict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ksst_pat_")]
    [InlineData("ksst_pat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.c2ln")]
    public async Task A_secret_no_token_has_is_unknown(string secret)
    {
        await CreateAsync();
        var check = await CheckAsync(secret);
        Assert.Equal(ApiTokenVerdict.Unknown, check.Verdict);
        Assert.Null(check.Token);
    }

    [Fact]
    public async Task Working_tokens_are_listed_newest_first_and_the_inactive_ones_only_when_asked()
    {
        var older = await CreateAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        var ops = await CreateAsync(new ApiTokenPlan("monitoring", "ops", null, TimeSpan.FromDays(90)));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var revoked = await CreateAsync();
        await InScopeAsync((c, _, _) => c.RevokeAsync(revoked.Token.Id, "organiser", CancellationToken.None));

        var working = await InScopeAsync((_, q, _) => q.ListAsync(includeInactive: false, CancellationToken.None));
        Assert.Equal([ops.Token.Id, older.Token.Id], working.Select(t => t.Id));
        var all = await InScopeAsync((_, q, _) => q.ListAsync(includeInactive: true, CancellationToken.None));
        Assert.Equal([revoked.Token.Id, ops.Token.Id, older.Token.Id], all.Select(t => t.Id));

        _clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal([ops.Token.Id], (await InScopeAsync((_, q, _) => q.ListAsync(false, CancellationToken.None))).Select(t => t.Id));
    }

    [Fact]
    public async Task At_most_a_hundred_tokens_work_at_a_time()
    {
        var first = await CreateAsync();
        for (var i = 1; i < ApiTokenCommands.MaxWorking; i++)
        {
            await CreateAsync();
        }
        var refused = await Assert.ThrowsAsync<RpcException>(() => CreateAsync());
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        await InScopeAsync((c, _, _) => c.RevokeAsync(first.Token.Id, "organiser", CancellationToken.None));
        await CreateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Task.Yield();
        File.Delete(_file);
    }
}
