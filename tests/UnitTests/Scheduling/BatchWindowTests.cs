using Ksst.Scheduling.Sessions;

namespace Ksst.UnitTests.Scheduling;

/// <summary>Sessions must lie within the batch's local days.</summary>
public sealed class BatchWindowTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly BatchWindow Batch3 = new("ksst-sme-2018", new DateOnly(2018, 7, 18), new DateOnly(2018, 7, 30), TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));

    private static PlannedSession Session(DateTimeOffset start, DateTimeOffset end) => new(Guid.NewGuid(), "Class", "hall", "Jakarta", start, end, [], []);

    [Fact]
    public void The_first_and_last_local_days_are_whole_days_of_the_batch()
    {
        Assert.Null(Batch3.Check(Session(new(2018, 7, 18, 0, 0, 0, Wib), new(2018, 7, 18, 1, 0, 0, Wib))));
        Assert.Null(Batch3.Check(Session(new(2018, 7, 30, 22, 0, 0, Wib), new(2018, 7, 31, 0, 0, 0, Wib))));
    }

    [Fact]
    public void A_session_before_the_first_day_or_after_the_last_is_outside_the_batch()
    {
        var early = Batch3.Check(Session(new(2018, 7, 17, 23, 0, 0, Wib), new(2018, 7, 18, 1, 0, 0, Wib)));
        Assert.Equal((ConflictKind.OutsideBatchDates, "batches/ksst-sme-2018"), (early!.Kind, early.Subject));
        Assert.NotNull(Batch3.Check(Session(new(2018, 7, 30, 23, 0, 0, Wib), new(2018, 7, 31, 0, 30, 0, Wib))));
    }

    [Fact]
    public void Local_midnight_is_in_the_batch_time_zone_not_UTC()
    {
        // 17 July 18:00 UTC is 18 July 01:00 in Jakarta: inside.
        Assert.Null(Batch3.Check(Session(new(2018, 7, 17, 18, 0, 0, TimeSpan.Zero), new(2018, 7, 17, 19, 0, 0, TimeSpan.Zero))));
        // 30 July 17:30 UTC is 31 July 00:30 in Jakarta: outside.
        Assert.NotNull(Batch3.Check(Session(new(2018, 7, 30, 16, 0, 0, TimeSpan.Zero), new(2018, 7, 30, 17, 30, 0, TimeSpan.Zero))));
    }
}
