using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ksst.Platform.Sqlite;

/// <summary>A table of the platform whose rows are deleted once older than a retention.</summary>
internal interface IRetentionRule<TContext> where TContext : DbContext
{
    /// <summary>The table, for the log.</summary>
    string Table { get; }

    /// <summary>
    /// Deletes up to <paramref name="limit"/> rows that have outlived the retention at
    /// <paramref name="now"/>: finds them with a read outside the write lock, deletes them (checking
    /// their age again) in one short unit of work. Returns how many it deleted.
    /// </summary>
    Task<int> PruneAsync(TContext db, UnitOfWork<TContext> unitOfWork, DateTimeOffset now, int limit, CancellationToken cancellationToken);
}

/// <summary>
/// Deletes what has outlived its retention in the platform's tables of <typeparamref name="TContext"/>
/// (published outbox rows, inbox rows), a minute after start and then every <see cref="Interval"/>,
/// in batches of <see cref="BatchSize"/> through the one write path, pausing between batches so
/// that the service's own writes keep their turn.
/// </summary>
internal sealed partial class RetentionPruner<TContext>(
    IServiceScopeFactory scopes,
    IEnumerable<IRetentionRule<TContext>> rules,
    TimeProvider clock,
    ILogger<RetentionPruner<TContext>> logger) : BackgroundService where TContext : DbContext
{
    /// <summary>Rows deleted per unit of work: a few milliseconds of the write lock.</summary>
    public const int BatchSize = 500;

    /// <summary>How often the tables are pruned.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan FirstRun = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan BetweenBatches = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(FirstRun, clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPruneFailed(typeof(TContext).Name, ex);
            }
            await Task.Delay(Interval, clock, stoppingToken);
        }
    }

    /// <summary>One pass over every table: deletes all that has outlived its retention now. Returns rows deleted per table.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PruneAsync(CancellationToken cancellationToken)
    {
        var deleted = new Dictionary<string, int>();
        foreach (var rule in rules)
        {
            var total = 0;
            int batch;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                batch = await rule.PruneAsync(
                    scope.ServiceProvider.GetRequiredService<TContext>(),
                    scope.ServiceProvider.GetRequiredService<UnitOfWork<TContext>>(),
                    clock.GetUtcNow(), BatchSize, cancellationToken);
                total += batch;
                if (batch == BatchSize)
                {
                    // A real pause, whatever the clock: it only lets other writers take the lock.
                    await Task.Delay(BetweenBatches, cancellationToken);
                }
            }
            while (batch == BatchSize);
            deleted[rule.Table] = total;
            if (total > 0)
            {
                LogPruned(total, rule.Table, typeof(TContext).Name);
            }
        }
        return deleted;
    }

    [LoggerMessage(LogLevel.Information, "Pruned {Rows} rows of {Table} ({Database}) past their retention.")]
    private partial void LogPruned(int rows, string table, string database);

    [LoggerMessage(LogLevel.Warning, "Pruning {Database} failed; it is tried again at the next interval.")]
    private partial void LogPruneFailed(string database, Exception ex);
}
