namespace Ksst.ServiceDefaults.Caching;

/// <summary>Where a <see cref="CircuitBreaker"/> stands.</summary>
public enum BreakerState
{
    /// <summary>Calls go through.</summary>
    Closed,

    /// <summary>A call failed: calls are skipped until the break is over.</summary>
    Open,

    /// <summary>The break is over and one probe call is under way; the others are skipped.</summary>
    HalfOpen,
}

/// <summary>
/// Guards calls to a dependency that may be away: one failure opens it, calls are then skipped for
/// <see cref="BreakDuration"/>, after which a single probe is let through; the probe's success
/// closes it, its failure opens it for another break. Thread-safe; time comes from a <see cref="TimeProvider"/>.
/// </summary>
public sealed class CircuitBreaker(TimeProvider clock, TimeSpan breakDuration)
{
    private readonly Lock _lock = new();
    private BreakerState _state;
    private DateTimeOffset _probeAfter;

    /// <summary>How long calls are skipped after a failure.</summary>
    public TimeSpan BreakDuration => breakDuration;

    /// <summary>The current state (Open also once the break is over, until a call probes).</summary>
    public BreakerState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>True while calls are being skipped: open within its break, or a probe under way.</summary>
    public bool IsBypassing
    {
        get
        {
            lock (_lock)
            {
                return _state == BreakerState.HalfOpen || (_state == BreakerState.Open && clock.GetUtcNow() < _probeAfter);
            }
        }
    }

    /// <summary>
    /// Whether to make the call. When true, report its outcome with <see cref="Succeeded"/>,
    /// <see cref="Failed"/> or <see cref="Abandoned"/>; when false, skip the dependency.
    /// </summary>
    public bool TryPass()
    {
        lock (_lock)
        {
            if (_state == BreakerState.Closed)
            {
                return true;
            }
            if (_state == BreakerState.Open && clock.GetUtcNow() >= _probeAfter)
            {
                _state = BreakerState.HalfOpen;
                return true;
            }
            return false;
        }
    }

    /// <summary>The call succeeded; a probe's success closes the breaker. True when it closed now.</summary>
    public bool Succeeded()
    {
        lock (_lock)
        {
            if (_state != BreakerState.HalfOpen)
            {
                return false;
            }
            _state = BreakerState.Closed;
            return true;
        }
    }

    /// <summary>The call failed or timed out: the breaker opens for a break. True when it was closed until now.</summary>
    public bool Failed()
    {
        lock (_lock)
        {
            var wasClosed = _state == BreakerState.Closed;
            _state = BreakerState.Open;
            _probeAfter = clock.GetUtcNow() + breakDuration;
            return wasClosed;
        }
    }

    /// <summary>
    /// The caller gave up (cancelled) before the call had an outcome: an abandoned probe lets the
    /// next call probe at once; any other call changes nothing.
    /// </summary>
    public void Abandoned()
    {
        lock (_lock)
        {
            if (_state == BreakerState.HalfOpen)
            {
                _state = BreakerState.Open;
                _probeAfter = clock.GetUtcNow();
            }
        }
    }
}
