using Ksst.Scheduling.Sessions;

namespace Ksst.UnitTests.Scheduling;

/// <summary>The index of all batches stays in step with committed changes, even one made while it loads.</summary>
public sealed class TimetableCacheTests
{
    private static readonly DateTimeOffset Nine = new(2018, 7, 18, 9, 0, 0, TimeSpan.FromHours(7));

    private static PlannedSession Class(string title, int hour, string batch = "b") =>
        new(Guid.NewGuid(), title, "hall", "Jakarta", Nine.AddHours(hour), Nine.AddHours(hour + 1), [], [], BatchId: batch);

    [Fact]
    public async Task A_change_committed_while_the_index_loads_is_not_lost()
    {
        var cache = new TimetableCache(TravelMatrix.WestJava());
        var committedDuringLoad = Class("Export class", 0);
        var loads = 0;
        var database = new List<PlannedSession>();

        var conflicts = await cache.CheckAsync(Class("Policy class", 0), async _ =>
        {
            var snapshot = database.ToList(); // Read before the commit below.
            if (++loads == 1)
            {
                database.Add(committedDuringLoad);
                cache.Put(committedDuringLoad);
            }
            await Task.Yield();
            return snapshot;
        }, CancellationToken.None);

        Assert.Equal(2, loads);
        Assert.Equal(committedDuringLoad.Id, Assert.Single(conflicts.Select(c => c.With).Distinct()));
    }

    [Fact]
    public async Task Once_loaded_it_follows_puts_and_removes_without_reading_again()
    {
        var cache = new TimetableCache(TravelMatrix.WestJava());
        var loads = 0;
        Task<IReadOnlyList<PlannedSession>> Load(CancellationToken _)
        {
            loads++;
            return Task.FromResult<IReadOnlyList<PlannedSession>>([]);
        }

        Assert.Empty(await cache.CheckAsync(Class("Policy class", 0), Load, CancellationToken.None));
        var export = Class("Export class", 0);
        cache.Put(export);
        Assert.NotEmpty(await cache.CheckAsync(Class("Policy class", 0), Load, CancellationToken.None));
        cache.Remove(export.Id);
        Assert.Empty(await cache.CheckAsync(Class("Policy class", 0), Load, CancellationToken.None));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task A_change_whose_commit_failed_is_forgotten_with_the_index_and_the_next_check_reads_again()
    {
        var cache = new TimetableCache(TravelMatrix.WestJava());
        var loads = 0;
        Task<IReadOnlyList<PlannedSession>> Load(CancellationToken _)
        {
            loads++;
            return Task.FromResult<IReadOnlyList<PlannedSession>>([]); // The failed session never reached the database.
        }

        Assert.Empty(await cache.CheckAsync(Class("Policy class", 0), Load, CancellationToken.None));
        cache.Put(Class("Export class", 0)); // Taken inside the write lock; then its commit fails.
        cache.Forget();

        Assert.Empty(await cache.CheckAsync(Class("Policy class", 0), Load, CancellationToken.None));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task One_load_holds_every_batch_and_a_commit_in_any_batch_reaches_it()
    {
        var cache = new TimetableCache(TravelMatrix.WestJava());
        var inX = Class("Export class", 0, batch: "x");
        var loads = 0;
        Task<IReadOnlyList<PlannedSession>> Load(CancellationToken _)
        {
            loads++;
            return Task.FromResult<IReadOnlyList<PlannedSession>>([inX]);
        }

        Assert.Equal([inX.Id], (await cache.CheckAsync(Class("Policy class", 0, batch: "y"), Load, CancellationToken.None)).Select(c => c.With));
        var inZ = Class("Trade class", 2, batch: "z");
        cache.Put(inZ);
        Assert.Equal([inZ.Id], (await cache.CheckAsync(Class("Finance class", 2, batch: "y"), Load, CancellationToken.None)).Select(c => c.With));
        cache.Remove(inX.Id);
        Assert.Empty(await cache.CheckAsync(Class("Policy class", 0, batch: "y"), Load, CancellationToken.None));
        Assert.Equal(1, loads);
    }
}
