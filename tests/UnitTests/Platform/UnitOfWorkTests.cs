using Ksst.Contracts.Events;
using Ksst.Platform.Outbox;
using Ksst.Platform.Sqlite;
using Ksst.Registration.Data;
using Ksst.Registration.Demo;
using Ksst.ServiceDefaults.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ksst.UnitTests.Platform;

/// <summary>The one write path against a real SQLite file, wired as the services wire it.</summary>
public sealed class UnitOfWorkTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ksst-uow-{Guid.NewGuid():N}.db");
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:registration-db"] = $"Data Source={_file};Pooling=False";
        builder.AddServiceDatabase<RegistrationDbContext>("registration-db");
        _host = builder.Build();
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RegistrationDbContext>().Database.MigrateAsync().WaitAsync(Timeout);
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        File.Delete(_file);
        return Task.CompletedTask;
    }

    private (RegistrationDbContext Db, UnitOfWork<RegistrationDbContext> Work, IServiceScope Scope) NewScope()
    {
        var scope = _host.Services.CreateScope();
        return (scope.ServiceProvider.GetRequiredService<RegistrationDbContext>(), scope.ServiceProvider.GetRequiredService<UnitOfWork<RegistrationDbContext>>(), scope);
    }

    private static ParticipantNominated AnEvent() =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, "ksst-sme-2018", Guid.NewGuid(), "BT", "en", 1);

    [Fact]
    public async Task After_commit_work_runs_only_once_the_change_is_committed_and_outside_the_lock()
    {
        var (db, work, scope) = NewScope();
        using var _ = scope;
        bool? committedWhenRun = null;
        var ranInsideWork = false;

        await work.RunAsync(async after =>
        {
            db.Programmes.Add(KsstProgrammeHistory.Programme());
            after.Then(async () =>
            {
                var (reader, _, readScope) = NewScope();
                using (readScope)
                {
                    committedWhenRun = await reader.Programmes.AnyAsync(p => p.Id == KsstProgrammeHistory.ProgrammeId);
                }
                NetworkCalls.EnsureAllowed("a test endpoint"); // outside the lock: allowed
            });
            ranInsideWork = committedWhenRun is not null;
            await Task.Yield();
        }, CancellationToken.None).WaitAsync(Timeout);

        Assert.False(ranInsideWork);
        Assert.True(committedWhenRun);
    }

    [Fact]
    public async Task A_failure_rolls_back_everything_and_runs_no_after_commit_work()
    {
        var (db, work, scope) = NewScope();
        using var _ = scope;
        var afterCommitRan = false;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => work.RunAsync(async after =>
        {
            db.Programmes.Add(KsstProgrammeHistory.Programme());
            await db.SaveChangesAsync(); // written inside the transaction, then rolled back
            db.Batches.AddRange(KsstProgrammeHistory.Batches());
            db.AddEvent(AnEvent());
            after.Then(() => afterCommitRan = true);
            throw new InvalidOperationException("the rule refused");
        }, CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal("the rule refused", failure.Message);
        Assert.False(afterCommitRan);
        Assert.Empty(db.ChangeTracker.Entries());
        var (reader, _, readScope) = NewScope();
        using (readScope)
        {
            Assert.False(await reader.Programmes.AnyAsync());
            Assert.False(await reader.Batches.AnyAsync());
            Assert.False(await reader.Set<OutboxMessage>().AnyAsync());
        }

        // The same context goes on with only its next unit's changes.
        await work.RunAsync(_ => { db.Programmes.Add(KsstProgrammeHistory.Programme()); return Task.CompletedTask; }, CancellationToken.None).WaitAsync(Timeout);
        var (again, _, againScope) = NewScope();
        using (againScope)
        {
            Assert.Equal(1, await again.Programmes.CountAsync());
            Assert.False(await again.Batches.AnyAsync());
        }
    }

    [Fact]
    public async Task A_network_call_inside_the_work_is_refused()
    {
        var (_, work, scope) = NewScope();
        using var _ = scope;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => work.RunAsync(_ =>
        {
            NetworkCalls.EnsureAllowed("registration:grpc");
            return Task.CompletedTask;
        }, CancellationToken.None).WaitAsync(Timeout));

        Assert.Contains("registration:grpc", refused.Message);
        Assert.Contains("write lock", refused.Message);
        NetworkCalls.EnsureAllowed("registration:grpc"); // and allowed again outside
    }

    [Fact]
    public async Task Units_of_work_of_one_process_run_one_at_a_time()
    {
        var inside = 0;
        var mostInside = 0;
        async Task OneAsync()
        {
            var (_, work, scope) = NewScope();
            using (scope)
            {
                await work.RunAsync(async _ =>
                {
                    mostInside = Math.Max(mostInside, Interlocked.Increment(ref inside));
                    await Task.Delay(20);
                    Interlocked.Decrement(ref inside);
                }, CancellationToken.None);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(OneAsync))).WaitAsync(Timeout);

        Assert.Equal(1, mostInside);
    }
}
