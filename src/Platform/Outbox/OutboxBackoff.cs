namespace Ksst.Platform.Outbox;

/// <summary>How long the relay waits before it tries again.</summary>
internal static class OutboxBackoff
{
    private static readonly TimeSpan RowCap = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan BrokerCap = TimeSpan.FromSeconds(5);

    /// <summary>After a row's own failure: 0.5 s, 1 s, 2 s, … capped at 30 s.</summary>
    public static TimeSpan After(int attempts) => Exponential(attempts, RowCap);

    /// <summary>
    /// After the broker failed <paramref name="streak"/> rounds in a row (away, or not confirming):
    /// 0.5 s, 1 s, 2 s, 4 s, then every 5 s. A refused connection fails at once, so probing
    /// that often is cheap, and the relay is back within seconds of the broker.
    /// </summary>
    public static TimeSpan BrokerAway(int streak) => Exponential(streak, BrokerCap);

    private static TimeSpan Exponential(int count, TimeSpan cap) =>
        TimeSpan.FromMilliseconds(Math.Min(cap.TotalMilliseconds, 250 * Math.Pow(2, Math.Clamp(count, 1, 20))));
}
