using Ksst.ServiceDefaults.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ksst.Platform.Sqlite;

/// <summary>
/// The one write path of a service's database. <see cref="RunAsync{T}"/> takes the process's
/// write lock, opens an IMMEDIATE transaction, runs the work, saves, commits, leaves the lock and
/// only then runs the work's after-commit actions (signals, cache invalidation). Any failure
/// before the commit rolls back everything, staged outbox rows included, and forgets what the
/// context tracked, so nothing half-written survives. Inside the lock no network call is allowed
/// (<see cref="NetworkCalls"/>): fetch what the work needs before, tell others after.
/// </summary>
public sealed partial class UnitOfWork<TContext> where TContext : DbContext
{
    private readonly TContext db;
    private readonly SqliteWriteGate gate;
    private readonly ILogger logger;

    internal UnitOfWork(TContext db, SqliteWriteGate gate, ILogger<UnitOfWork<TContext>> logger)
    {
        this.db = db;
        this.gate = gate;
        this.logger = logger;
    }

    /// <summary>Runs <paramref name="work"/> as one transaction; returns its result after the commit and after-commit actions.</summary>
    public async Task<T> RunAsync<T>(Func<AfterCommit, Task<T>> work, CancellationToken ct)
    {
        var afterCommit = new AfterCommit();
        T result;
        using (await gate.EnterAsync(ct))
        using (NetworkCalls.Forbid($"the write lock of {typeof(TContext).Name}"))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                result = await work(afterCommit);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
        await RunAfterCommitAsync(afterCommit);
        return result;
    }

    /// <summary>Runs <paramref name="work"/> as one transaction.</summary>
    public Task RunAsync(Func<AfterCommit, Task> work, CancellationToken ct) =>
        RunAsync(async after => { await work(after); return true; }, ct);

    private async Task RunAfterCommitAsync(AfterCommit afterCommit)
    {
        foreach (var action in afterCommit.Actions)
        {
            try
            {
                await action();
            }
            catch (Exception ex)
            {
                // The change is committed; the caller is told so. What failed here only tells
                // others sooner (a signal, an invalidation) and has its own fallback.
                LogAfterCommitFailed(typeof(TContext).Name, ex);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "An after-commit action of {Database} failed; the change itself is committed.")]
    private partial void LogAfterCommitFailed(string database, Exception ex);
}

/// <summary>What a unit of work does once its transaction has committed, in the order added.</summary>
public sealed class AfterCommit
{
    internal List<Func<Task>> Actions { get; } = [];

    /// <summary>Runs <paramref name="action"/> after the commit, outside the write lock.</summary>
    public void Then(Func<Task> action) => Actions.Add(action);

    /// <summary>Runs <paramref name="action"/> after the commit, outside the write lock.</summary>
    public void Then(Action action) => Actions.Add(() => { action(); return Task.CompletedTask; });
}
