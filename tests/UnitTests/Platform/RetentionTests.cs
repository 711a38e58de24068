using Ksst.Platform.Inbox;
using Ksst.Platform.Outbox;
using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ksst.UnitTests.Platform;

/// <summary>Bounded storage: what outlived its retention is pruned, in batches, and nothing else.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task Published_outbox_rows_and_inbox_rows_past_seven_days_are_pruned_and_pending_dead_and_recent_rows_stay()
    {
        using var database = new PlatformDatabase();
        var now = database.Clock.GetUtcNow();
        var old = now - TimeSpan.FromDays(8);
        var recent = now - TimeSpan.FromDays(6);
        // More than two batches of old rows in each table.
        await database.AddAsync([.. Enumerable.Range(0, 1_200).Select(_ => PlatformDatabase.Row(old, publishedAt: old))]);
        await database.AddAsync([.. Enumerable.Range(0, 1_100).Select(_ => PlatformDatabase.Handled(old))]);
        var kept = new[]
        {
            PlatformDatabase.Row(recent, publishedAt: recent),
            PlatformDatabase.Row(now - TimeSpan.FromDays(30)), // pending for a month
            PlatformDatabase.Row(now - TimeSpan.FromDays(30), deadAt: now - TimeSpan.FromDays(29)),
        };
        var handledRecently = PlatformDatabase.Handled(recent);
        await database.AddAsync([.. kept, handledRecently]);

        var deleted = await database.Create<RetentionPruner<SchedulingDbContext>>().PruneAsync(CancellationToken.None);

        Assert.Equal(1_200, deleted["outbox_messages"]);
        Assert.Equal(1_100, deleted["processed_messages"]);
        var outbox = await database.ReadAsync(db => db.Set<OutboxMessage>().Select(m => m.Id).ToListAsync());
        Assert.Equal(kept.Select(r => r.Id).Order(), outbox.Order());
        var inbox = await database.ReadAsync(db => db.Set<ProcessedMessage>().Select(m => m.MessageId).ToListAsync());
        Assert.Equal([handledRecently.MessageId], inbox);
    }

    [Fact]
    public async Task The_retentions_are_settings()
    {
        using var database = new PlatformDatabase(("Outbox:Retention", "1.00:00:00"), ("Inbox:Retention", "2.00:00:00"));
        var now = database.Clock.GetUtcNow();
        var thirtyHours = now - TimeSpan.FromHours(30);
        await database.AddAsync(PlatformDatabase.Row(thirtyHours, publishedAt: thirtyHours), PlatformDatabase.Handled(thirtyHours));

        var deleted = await database.Create<RetentionPruner<SchedulingDbContext>>().PruneAsync(CancellationToken.None);

        Assert.Equal(1, deleted["outbox_messages"]); // 30 h > 1 day
        Assert.Equal(0, deleted["processed_messages"]); // 30 h < 2 days
    }

    [Theory]
    [InlineData("Inbox:Retention", "12:00:00")] // shorter than a day: redelivered copies would be handled twice
    [InlineData("Outbox:Retention", "00:00:10")]
    [InlineData("Outbox:MaxAttempts", "0")]
    public void A_retention_or_attempt_count_out_of_range_is_refused(string key, string value)
    {
        using var database = new PlatformDatabase((key, value));
        var options = key.StartsWith("Inbox", StringComparison.Ordinal)
            ? () => database.Services.GetRequiredService<IOptions<InboxOptions>>().Value
            : (Func<object>)(() => database.Services.GetRequiredService<IOptions<OutboxOptions>>().Value);
        Assert.Throws<OptionsValidationException>(options);
    }
}
