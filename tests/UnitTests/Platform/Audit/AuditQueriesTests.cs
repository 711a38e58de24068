using Ksst.Platform.Audit;
using Ksst.Registration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ksst.UnitTests.Platform.Audit.RegistrationAudit;

namespace Ksst.UnitTests.Platform.Audit;

/// <summary>Reading the log: filters by resource, actor, batch and time; newest first; pages that stay put while entries are added.</summary>
public sealed class AuditQueriesTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private AuditDatabase<RegistrationDbContext> _db = null!;
    private DateTimeOffset _start;
    private Guid _inB;

    public async Task InitializeAsync()
    {
        _db = await WithOpenBatchAsync("b", "c");
        _start = _db.Clock.GetUtcNow();
        // One change an hour: b's capacity by organiser-1, a nomination to b by an agency, c's theme by organiser-2, b's theme by organiser-1.
        _db.Clock.Advance(TimeSpan.FromHours(1));
        using (_db.Call(UpdateBatch, "organiser-1", "organiser", "ksst-cli"))
        {
            await _db.RunAsync(async db => (await db.Batches.SingleAsync(b => b.Id == "b")).Capacity = 25);
        }
        _db.Clock.Advance(TimeSpan.FromHours(1));
        var nomination = Nomination("b", "Q1112223", _db.Clock.GetUtcNow());
        _inB = nomination.Id;
        using (_db.Call(Nominate, "demo-agency-lk", "agency", "demo-agency-lk"))
        {
            await _db.RunAsync(db => { db.Nominations.Add(nomination); return Task.CompletedTask; });
        }
        _db.Clock.Advance(TimeSpan.FromHours(1));
        using (_db.Call(UpdateBatch, "organiser-2", "organiser", "ksst-cli"))
        {
            await _db.RunAsync(async db => (await db.Batches.SingleAsync(b => b.Id == "c")).Theme = "Export");
        }
        _db.Clock.Advance(TimeSpan.FromHours(1));
        using (_db.Call(UpdateBatch, "organiser-1", "organiser", "ksst-cli"))
        {
            await _db.RunAsync(async db => (await db.Batches.SingleAsync(b => b.Id == "b")).Theme = "Industry");
        }
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private async Task<AuditPage> ListAsync(AuditFilter filter, int pageSize = AuditPage.MaxSize, AuditPosition? from = null)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditQueries<RegistrationDbContext>>().ListAsync(filter, pageSize, from, CancellationToken.None).WaitAsync(Timeout);
    }

    private static string[] Described(AuditPage page) => [.. page.Entries.Select(e => $"{e.ResourceType}/{e.ResourceId} by {e.ActorSubject}")];

    [Fact]
    public async Task Every_filter_narrows_the_log_and_entries_come_newest_first()
    {
        var all = await ListAsync(new AuditFilter());
        Assert.Equal(all.Entries.Select(e => e.Id).OrderDescending(), all.Entries.Select(e => e.Id));
        Assert.Equal(7, all.Entries.Count); // programme, batches b and c, then the four changes
        Assert.Null(all.Next);

        Assert.Equal(["batch/b by organiser-1", "nomination/" + _inB + " by demo-agency-lk", "batch/b by organiser-1", "batch/b by service:registration"],
            Described(await ListAsync(new AuditFilter(Batches: ["b"]))));
        Assert.Equal(["batch/c by organiser-2", "batch/c by service:registration"], Described(await ListAsync(new AuditFilter(Batches: ["c"]))));
        Assert.Equal(6, (await ListAsync(new AuditFilter(Batches: ["b", "c"]))).Entries.Count); // the programme belongs to no batch
        Assert.Equal(["batch/b by organiser-1", "batch/b by organiser-1"], Described(await ListAsync(new AuditFilter(Subject: "organiser-1"))));
        Assert.Equal(["nomination/" + _inB + " by demo-agency-lk"], Described(await ListAsync(new AuditFilter("nomination", _inB.ToString()))));
        Assert.Equal(5, (await ListAsync(new AuditFilter("batch"))).Entries.Count);
        Assert.Empty((await ListAsync(new AuditFilter("nomination", Guid.NewGuid().ToString()))).Entries);
        Assert.Equal(["batch/c by organiser-2", "nomination/" + _inB + " by demo-agency-lk"],
            Described(await ListAsync(new AuditFilter(Since: _start.AddHours(2), Until: _start.AddHours(4)))));
        Assert.Equal(["batch/b by organiser-1"], Described(await ListAsync(new AuditFilter(Subject: "organiser-1", Batches: ["b"], Since: _start.AddHours(3)))));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats_while_entries_are_added()
    {
        var everything = (await ListAsync(new AuditFilter())).Entries.Select(e => e.Id).ToList();

        var first = await ListAsync(new AuditFilter(), pageSize: 3);
        Assert.Equal(everything.Take(3), first.Entries.Select(e => e.Id));
        Assert.NotNull(first.Next);

        // A change between two pages is the newest entry: it does not push older ones into the next page.
        await _db.RunAsync(async db => (await db.Batches.SingleAsync(b => b.Id == "c")).Capacity = 5);

        var seen = first.Entries.Select(e => e.Id).ToList();
        for (var page = first; page.Next is { } next;)
        {
            page = await ListAsync(new AuditFilter(), pageSize: 3, from: next);
            Assert.InRange(page.Entries.Count, 1, 3);
            seen.AddRange(page.Entries.Select(e => e.Id));
        }
        Assert.Equal(everything, seen);
        Assert.Equal(everything.Count + 1, (await ListAsync(new AuditFilter())).Entries.Count);
    }

    [Fact]
    public async Task A_filtered_page_ends_where_the_filtered_entries_end()
    {
        var first = await ListAsync(new AuditFilter(Batches: ["b"]), pageSize: 2);
        Assert.Equal(2, first.Entries.Count);
        var second = await ListAsync(new AuditFilter(Batches: ["b"]), pageSize: 2, from: first.Next);
        Assert.Equal(["batch/b by organiser-1", "batch/b by service:registration"], Described(second));
        Assert.Null(second.Next);
    }
}
