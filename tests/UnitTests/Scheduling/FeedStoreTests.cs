using System.Text;
using Grpc.Core;
using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Data;
using Ksst.Scheduling.Feeds;
using Ksst.ServiceDefaults.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Ksst.UnitTests.Scheduling;

/// <summary>Calendar feeds in Scheduling's real database (a fresh SQLite file, its unit of work as the service registers it).</summary>
public sealed class FeedStoreTests : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly Guid Nimali = Guid.NewGuid();
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ksst-feeds-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2018, 7, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly IHost _host;

    public FeedStoreTests()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:scheduling-db"] = $"Data Source={_file};Pooling=False" });
        builder.AddServiceDatabase<SchedulingDbContext>("scheduling-db");
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddScoped<FeedCommands>();
        builder.Services.AddScoped<FeedQueries>();
        _host = builder.Build();
        using var scope = _host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SchedulingDbContext>().Database.Migrate();
    }

    private async Task<T> InScopeAsync<T>(Func<FeedCommands, FeedQueries, SchedulingDbContext, Task<T>> work)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await work(services.GetRequiredService<FeedCommands>(), services.GetRequiredService<FeedQueries>(), services.GetRequiredService<SchedulingDbContext>()).WaitAsync(Timeout);
    }

    private Task<(Feed Feed, string Token)> CreateAsync(Guid? nomination = null, string creator = "nimali", string batch = "ksst-sme-2018") =>
        InScopeAsync((commands, _, _) => commands.CreateAsync(batch, nomination, "", creator, CancellationToken.None));

    [Fact]
    public async Task A_token_opens_its_feed_until_it_is_revoked_and_the_row_holds_only_its_hash()
    {
        var (feed, token) = await CreateAsync(Nimali);
        Assert.Equal(feed.Id, (await InScopeAsync((_, q, _) => q.OpenedByAsync(token, CancellationToken.None)))?.Id);
        var stored = await InScopeAsync((_, _, db) => db.Feeds.AsNoTracking().SingleAsync(f => f.Id == feed.Id));
        Assert.Equal(SecretToken.HashOf(token), stored.TokenHash);
        Assert.NotEqual(Encoding.ASCII.GetBytes(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.Label + stored.CreatedBy + stored.BatchId, StringComparison.Ordinal);

        Assert.Null(await InScopeAsync((_, q, _) => q.OpenedByAsync(SecretToken.New().Token, CancellationToken.None)));
        Assert.Null(await InScopeAsync((_, q, _) => q.OpenedByAsync(token[..^1], CancellationToken.None)));

        _clock.Advance(TimeSpan.FromMinutes(5));
        var revoked = await InScopeAsync((c, _, _) => c.RevokeAsync(feed.Id, CancellationToken.None));
        Assert.Equal(_clock.GetUtcNow(), revoked!.RevokedAt);
        Assert.Null(await InScopeAsync((_, q, _) => q.OpenedByAsync(token, CancellationToken.None)));

        _clock.Advance(TimeSpan.FromMinutes(5));
        var again = await InScopeAsync((c, _, _) => c.RevokeAsync(feed.Id, CancellationToken.None));
        Assert.Equal(revoked.RevokedAt, again!.RevokedAt);
        Assert.Null(await InScopeAsync((c, _, _) => c.RevokeAsync(Guid.NewGuid(), CancellationToken.None)));
    }

    [Fact]
    public async Task One_caller_has_at_most_ten_working_feeds_of_one_calendar()
    {
        var first = await CreateAsync(Nimali);
        for (var i = 1; i < FeedCommands.MaxWorkingPerCalendar; i++)
        {
            await CreateAsync(Nimali);
        }
        var refused = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(Nimali));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);

        // Another calendar, or another caller, is not counted; a revoked feed frees its place.
        await CreateAsync(nomination: null);
        await CreateAsync(Nimali, creator: "organiser");
        await InScopeAsync((c, _, _) => c.RevokeAsync(first.Feed.Id, CancellationToken.None));
        await CreateAsync(Nimali);
        Assert.Equal(FeedCommands.MaxWorkingPerCalendar, await InScopeAsync((_, _, db) => db.Feeds.CountAsync(f => f.NominationId == Nimali && f.CreatedBy == "nimali" && f.RevokedAt == null)));
    }

    [Fact]
    public async Task Working_feeds_are_listed_newest_first_by_batch_and_by_creator()
    {
        var older = await CreateAsync(Nimali);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var agenda = await CreateAsync(creator: "organiser");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var elsewhere = await CreateAsync(Nimali, batch: "ksst-sme-2019");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var revoked = await CreateAsync(Nimali);
        await InScopeAsync((c, _, _) => c.RevokeAsync(revoked.Feed.Id, CancellationToken.None));

        var ofBatch = await InScopeAsync((_, q, _) => q.WorkingAsync("ksst-sme-2018", null, CancellationToken.None));
        Assert.Equal([agenda.Feed.Id, older.Feed.Id], ofBatch.Select(f => f.Id));
        var hers = await InScopeAsync((_, q, _) => q.WorkingAsync(null, "nimali", CancellationToken.None));
        Assert.Equal([elsewhere.Feed.Id, older.Feed.Id], hers.Select(f => f.Id));
        var hersInBatch = await InScopeAsync((_, q, _) => q.WorkingAsync("ksst-sme-2018", "nimali", CancellationToken.None));
        Assert.Equal([older.Feed.Id], hersInBatch.Select(f => f.Id));
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Task.Yield();
        File.Delete(_file);
    }
}
