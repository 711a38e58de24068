namespace Ksst.Notifications.Delivery;

/// <summary>
/// Sending to one receiver (the mail server, a webhook receiver) while it is away. The first
/// failure to reach it pauses sending for <see cref="PauseOptions.FirstProbeAfter"/>; then one
/// try probes it, and each probe that fails doubles the wait, up to
/// <see cref="PauseOptions.MaxProbeInterval"/>. Failures seen during a wait (other connections
/// finding it away too) do not lengthen it. A success resumes sending. Deliveries keep their
/// attempts meanwhile: an outage spends none. Thread-safe.
/// </summary>
public sealed class SendingPause(string receiver, TimeProvider clock, PauseOptions options)
{
    private readonly Lock _lock = new();
    private TimeSpan _wait;
    private DateTimeOffset _probeAt;

    /// <summary>Who this is about, e.g. "smtp://127.0.0.1:2525" (no credentials).</summary>
    public string Receiver => receiver;

    /// <summary>Since when the receiver has been away; null while it is reachable.</summary>
    public DateTimeOffset? AwaySince { get; private set; }

    /// <summary>Why it was last found away.</summary>
    public string? Reason { get; private set; }

    /// <summary>True while sending waits (away, and the next probe is not due yet).</summary>
    public bool IsPaused
    {
        get
        {
            lock (_lock)
            {
                return AwaySince is not null && clock.GetUtcNow() < _probeAt;
            }
        }
    }

    /// <summary>When the next try may be made while away; null while reachable.</summary>
    public DateTimeOffset? ProbeAt
    {
        get
        {
            lock (_lock)
            {
                return AwaySince is null ? null : _probeAt;
            }
        }
    }

    /// <summary>The wait before the next probe (zero while reachable).</summary>
    public TimeSpan Wait
    {
        get
        {
            lock (_lock)
            {
                return AwaySince is null ? TimeSpan.Zero : _wait;
            }
        }
    }

    /// <summary>The receiver was found away because of <paramref name="reason"/>. True when this paused sending to it (it was reachable until now).</summary>
    public bool FoundAway(string reason)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            Reason = reason;
            if (AwaySince is null)
            {
                AwaySince = now;
                _wait = options.FirstProbeAfter;
                _probeAt = now + _wait;
                return true;
            }
            if (now >= _probeAt)
            {
                // A probe failed: wait longer.
                _wait = TimeSpan.FromTicks(Math.Min(_wait.Ticks * 2, options.MaxProbeInterval.Ticks));
                _probeAt = now + _wait;
            }
            return false;
        }
    }

    /// <summary>The receiver answered. Returns how long it had been away when this resumed sending to it, else null.</summary>
    public TimeSpan? FoundReachable()
    {
        lock (_lock)
        {
            if (AwaySince is not { } since)
            {
                return null;
            }
            AwaySince = null;
            Reason = null;
            return clock.GetUtcNow() - since;
        }
    }
}

/// <summary>How sending to a receiver that is away is paused (section "Notifications:Pause").</summary>
public sealed class PauseOptions
{
    /// <summary>The wait after a receiver is first found away, before one try probes it.</summary>
    public TimeSpan FirstProbeAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between probes: how long a receiver that is back may go unnoticed.</summary>
    public TimeSpan MaxProbeInterval { get; set; } = TimeSpan.FromSeconds(5);
}
