namespace Ksst.Contracts.Events;

/// <summary>
/// The order of one aggregate's events (a nomination, a session). Its publisher gives the
/// aggregate a version, 1 when it is created and one more at every change, and each event carries
/// the version the change produced. A subscriber applies an event only when its version is above
/// the last one it applied: a lower one was overtaken, an equal one is a duplicate. No clock takes
/// part, so a clock stepped back on any machine cannot make later news look old.
/// </summary>
public static class VersionOrder
{
    /// <summary>
    /// True when an event of version <paramref name="incoming"/> is news to a subscriber that last
    /// applied <paramref name="applied"/>. Version 0 marks an event published, or state recorded,
    /// before versions existed: such an event is taken only while nothing versioned has been
    /// applied (the last to arrive wins, as nothing better is known), and ignored after that.
    /// </summary>
    public static bool IsNews(long incoming, long applied) =>
        incoming > applied || (incoming == 0 && applied == 0);
}
