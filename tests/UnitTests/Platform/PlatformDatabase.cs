using Ksst.Platform.Inbox;
using Ksst.Platform.Outbox;
using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Ksst.UnitTests.Platform;

/// <summary>
/// A real SQLite file with a service's model that has both an outbox and an inbox (Scheduling's),
/// registered the way a service registers them (AddServiceDatabase, AddOutbox, AddInbox), on a
/// fake clock. Nothing is started: tests resolve what they exercise.
/// </summary>
public sealed class PlatformDatabase : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ksst-platform-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;

    /// <summary>The clock every component here reads.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>A migrated database with <paramref name="settings"/> as configuration.</summary>
    public PlatformDatabase(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection([
            new("ConnectionStrings:test-db", $"Data Source={_file};Pooling=False"),
            .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))]);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddServiceDatabase<SchedulingDbContext>("test-db");
        builder.AddOutbox<SchedulingDbContext>();
        builder.AddInbox<SchedulingDbContext>();
        _services = builder.Services.BuildServiceProvider();
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SchedulingDbContext>().Database.Migrate();
    }

    /// <summary>The registered services (singletons; scoped ones through <see cref="Scope"/>).</summary>
    public IServiceProvider Services => _services;

    /// <summary>A new scope, as a request or a background round has.</summary>
    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    /// <summary>Creates <typeparamref name="T"/> from the registered services.</summary>
    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    /// <summary>Stores <paramref name="rows"/> in one save.</summary>
    public async Task AddAsync(params object[] rows)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    /// <summary>Reads with a fresh context.</summary>
    public async Task<T> ReadAsync<T>(Func<SchedulingDbContext, Task<T>> read)
    {
        await using var scope = Scope();
        return await read(scope.ServiceProvider.GetRequiredService<SchedulingDbContext>());
    }

    /// <summary>An outbox row stored at <paramref name="createdAt"/>.</summary>
    public static OutboxMessage Row(DateTimeOffset createdAt, DateTimeOffset? publishedAt = null, DateTimeOffset? deadAt = null, string type = "Ksst.Contracts.Events.BatchClosed") => new()
    {
        Id = Guid.NewGuid(),
        Type = type,
        Payload = "{}",
        CreatedAt = createdAt,
        NextAttemptAt = createdAt,
        PublishedAt = publishedAt,
        DeadAt = deadAt,
        Attempts = deadAt is null ? 0 : 10,
    };

    /// <summary>An inbox row handled at <paramref name="processedAt"/>.</summary>
    public static ProcessedMessage Handled(DateTimeOffset processedAt, string consumer = "scheduling.roster") =>
        new() { MessageId = Guid.NewGuid(), Consumer = consumer, ProcessedAt = processedAt };

    public void Dispose()
    {
        _services.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }
}
