using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using NodaTime.TimeZones;

namespace Ksst.Scheduling.Agenda;

/// <summary>
/// The VTIMEZONE of a zone for the span of time a calendar's sessions take: one observance
/// (STANDARD or DAYLIGHT) for each offset the zone has in that span, starting at its own
/// transition, read from the system's zone data (the data the agenda's local times come from).
/// It holds for any year and any zone: one with no transitions for decades has a single
/// observance; one with DST, or whose rules change, has each offset it takes.
/// </summary>
/// <remarks>
/// Not Ical.Net's <c>Calendar.AddTimeZone(id, earliest, false)</c>: that describes only the rules
/// of the years up to today, so it misdescribes a year whose rules differ, and it throws for a
/// calendar starting more than a year from now.
/// </remarks>
internal static class CalendarTimeZone
{
    /// <summary>
    /// The span covered starts this long before the first session, so that a zone with DST has
    /// both its standard and its daylight observance.
    /// </summary>
    private static readonly TimeSpan Lead = TimeSpan.FromDays(366);

    /// <summary>The VTIMEZONE of <paramref name="timeZoneId"/> covering <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static VTimeZone For(string timeZoneId, DateTimeOffset from, DateTimeOffset to)
    {
        var zone = BclDateTimeZone.FromTimeZoneInfo(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        var span = new Interval(Instant.FromDateTimeOffset(from - Lead), Instant.FromDateTimeOffset(to));
        var timeZone = new VTimeZone(timeZoneId);
        Offset? previous = null;
        foreach (var interval in zone.GetZoneIntervals(span))
        {
            var offsetBefore = previous ?? OffsetBefore(zone, interval);
            if (previous is null || interval.WallOffset != previous)
            {
                timeZone.AddChild(Observance(interval, offsetBefore, span.Start));
            }
            previous = interval.WallOffset;
        }
        return timeZone;
    }

    /// <summary>
    /// The observance starting with <paramref name="interval"/>: its onset is in the local time
    /// before it (RFC 5545 3.6.5). A zone that never changed begins in 1970, as is usual, or with
    /// the span if that is earlier.
    /// </summary>
    private static VTimeZoneInfo Observance(ZoneInterval interval, Offset offsetBefore, Instant spanStart)
    {
        var start = interval.HasStart ? interval.Start : Instant.Min(spanStart, NodaConstants.UnixEpoch);
        var onset = start.WithOffset(offsetBefore).LocalDateTime;
        var observance = new VTimeZoneInfo(interval.Savings == Offset.Zero ? Components.Standard : Components.Daylight)
        {
            Start = new CalDateTime(onset.ToDateTimeUnspecified(), tzId: null, hasTime: true),
            OffsetFrom = new UtcOffset(offsetBefore.ToTimeSpan()),
            OffsetTo = new UtcOffset(interval.WallOffset.ToTimeSpan()),
        };
        if (interval.Name.Length > 0)
        {
            observance.TimeZoneName = interval.Name;
        }
        return observance;
    }

    private static Offset OffsetBefore(DateTimeZone zone, ZoneInterval interval) =>
        interval.HasStart ? zone.GetUtcOffset(interval.Start - NodaTime.Duration.Epsilon) : interval.WallOffset;
}
