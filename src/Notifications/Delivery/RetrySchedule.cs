namespace Ksst.Notifications.Delivery;

/// <summary>How failed sends are retried (section "Notifications:Retry"): exponential backoff with jitter, and an end.</summary>
public sealed class RetrySchedule
{
    /// <summary>Attempts before a delivery is dead.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The wait after failed attempt number <paramref name="attempt"/> (1-based): doubling from
    /// <see cref="InitialBackoff"/>, capped at <see cref="MaxBackoff"/>, then scaled by a random
    /// factor in [0.5, 1) so that many deliveries failing together do not retry together.
    /// </summary>
    public TimeSpan Backoff(int attempt, Random random)
    {
        var exponential = InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + random.NextDouble() / 2));
    }

    /// <summary>True when <paramref name="attempts"/> failures are the last allowed.</summary>
    public bool IsExhausted(int attempts) => attempts >= MaxAttempts;
}
