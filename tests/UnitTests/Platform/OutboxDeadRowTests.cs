using System.Diagnostics.Metrics;
using Grpc.Core;
using Ksst.Platform.Outbox;
using Ksst.Scheduling.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ksst.UnitTests.Platform;

/// <summary>Dead outbox rows: after the last of their own failures, counted by the gauges, retried by an operator.</summary>
public sealed class OutboxDeadRowTests
{
    [Fact]
    public void A_row_failing_itself_backs_off_and_is_dead_after_its_last_attempt()
    {
        var now = new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var row = PlatformDatabase.Row(now);
        for (var attempt = 1; attempt < 3; attempt++)
        {
            Assert.False(row.FailedItself("returned", now, maxAttempts: 3));
            Assert.Equal(attempt, row.Attempts);
            Assert.Equal(now + OutboxBackoff.After(attempt), row.NextAttemptAt);
            Assert.Null(row.DeadAt);
        }
        Assert.True(row.FailedItself("returned", now, maxAttempts: 3));
        Assert.Equal(now, row.DeadAt);
        Assert.Equal("returned", row.LastError);
    }

    [Fact]
    public void A_broker_away_never_waits_long_between_probes()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(500), OutboxBackoff.BrokerAway(1));
        Assert.Equal(TimeSpan.FromSeconds(4), OutboxBackoff.BrokerAway(4));
        Assert.Equal(TimeSpan.FromSeconds(5), OutboxBackoff.BrokerAway(5));
        Assert.Equal(TimeSpan.FromSeconds(5), OutboxBackoff.BrokerAway(10_000));
    }

    [Fact]
    public async Task The_gauges_count_dead_and_pending_rows_and_the_age_of_the_oldest_pending_one()
    {
        using var database = new PlatformDatabase();
        var now = database.Clock.GetUtcNow();
        await database.AddAsync(
            PlatformDatabase.Row(now - TimeSpan.FromSeconds(90)),
            PlatformDatabase.Row(now - TimeSpan.FromSeconds(5)),
            PlatformDatabase.Row(now - TimeSpan.FromHours(1), deadAt: now - TimeSpan.FromMinutes(58)),
            PlatformDatabase.Row(now - TimeSpan.FromHours(2), publishedAt: now - TimeSpan.FromHours(2)));

        var gauges = Collect(database);

        Assert.Equal(1, gauges["ksst.outbox.dead"]);
        Assert.Equal(2, gauges["ksst.outbox.pending"]);
        Assert.Equal(91, gauges["ksst.outbox.pending.age"]); // 90 s, and Collect moves the clock a second on
    }

    [Fact]
    public async Task An_operator_retry_puts_a_dead_row_back_to_pending_with_its_attempts_from_zero()
    {
        using var database = new PlatformDatabase();
        var now = database.Clock.GetUtcNow();
        var dead = PlatformDatabase.Row(now - TimeSpan.FromHours(1), deadAt: now - TimeSpan.FromMinutes(50));
        await database.AddAsync(dead, PlatformDatabase.Row(now - TimeSpan.FromHours(1), deadAt: now - TimeSpan.FromMinutes(50)));
        Assert.Equal(2, Collect(database)["ksst.outbox.dead"]);

        await using (var scope = database.Scope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxCommands<SchedulingDbContext>>().RetryAsync(dead.Id, CancellationToken.None));
        }

        var row = await database.ReadAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Id == dead.Id));
        Assert.Null(row.DeadAt);
        Assert.Equal(0, row.Attempts);
        Assert.Equal(now + TimeSpan.FromSeconds(1), row.NextAttemptAt); // due at once (Collect moved the clock on)
        Assert.Equal(1, Collect(database)["ksst.outbox.dead"]);
        Assert.Equal(1, Collect(database)["ksst.outbox.pending"]);

        await using (var scope = database.Scope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxCommands<SchedulingDbContext>>().RetryAllAsync(CancellationToken.None));
        }
        Assert.Equal(0, Collect(database)["ksst.outbox.dead"]);
    }

    [Fact]
    public async Task Retrying_an_event_that_is_not_dead_or_unknown_is_the_callers_mistake()
    {
        using var database = new PlatformDatabase();
        var now = database.Clock.GetUtcNow();
        var pending = PlatformDatabase.Row(now);
        var published = PlatformDatabase.Row(now, publishedAt: now);
        await database.AddAsync(pending, published);
        await using var scope = database.Scope();
        var commands = scope.ServiceProvider.GetRequiredService<OutboxCommands<SchedulingDbContext>>();

        Assert.Equal(StatusCode.FailedPrecondition, (await Assert.ThrowsAsync<RpcException>(() => commands.RetryAsync(pending.Id, CancellationToken.None))).StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, (await Assert.ThrowsAsync<RpcException>(() => commands.RetryAsync(published.Id, CancellationToken.None))).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => commands.RetryAsync(Guid.NewGuid(), CancellationToken.None))).StatusCode);
        Assert.Equal(0, await commands.RetryAllAsync(CancellationToken.None));
    }

    /// <summary>The outbox gauges' values now, as an exporter would read them.</summary>
    private static Dictionary<string, double> Collect(PlatformDatabase database)
    {
        database.Services.GetRequiredService<OutboxMetrics>(); // creates the instruments
        var values = new Dictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == OutboxMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.Start();
        database.Clock.Advance(TimeSpan.FromSeconds(1)); // past the half second a census is kept
        listener.RecordObservableInstruments();
        return values;
    }
}
