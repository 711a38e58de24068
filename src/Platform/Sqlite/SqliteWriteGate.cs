namespace Ksst.Platform.Sqlite;

/// <summary>
/// Lets one write transaction of this process at a time into the service's SQLite database.
/// SQLite has a single writer anyway; queueing here is cheaper than SQLite's busy-wait, and it
/// makes read-decide-write sequences (capacity and quota checks) race-free within the process.
/// Across processes the IMMEDIATE transaction each holder opens is what serialises them.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    /// <summary>Waits for the gate; dispose the result to leave it.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Exit(_semaphore);
    }

    private sealed class Exit(SemaphoreSlim semaphore) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
