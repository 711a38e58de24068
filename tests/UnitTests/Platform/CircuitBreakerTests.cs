using Ksst.ServiceDefaults.Caching;
using Microsoft.Extensions.Time.Testing;

namespace Ksst.UnitTests.Platform;

/// <summary>The cache breaker: one failure opens it, calls are skipped for the break, then one probe decides.</summary>
public sealed class CircuitBreakerTests
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _clock = new();

    private CircuitBreaker Opened()
    {
        var breaker = new CircuitBreaker(_clock, Break);
        Assert.True(breaker.TryPass());
        Assert.True(breaker.Failed());
        return breaker;
    }

    [Fact]
    public void A_closed_breaker_lets_every_call_through()
    {
        var breaker = new CircuitBreaker(_clock, Break);
        Assert.True(breaker.TryPass());
        Assert.True(breaker.TryPass());
        Assert.False(breaker.Succeeded()); // Already closed: nothing changes.
        Assert.Equal(BreakerState.Closed, breaker.State);
        Assert.False(breaker.IsBypassing);
    }

    [Fact]
    public void One_failure_opens_it_and_calls_are_skipped_for_the_break()
    {
        var breaker = Opened();
        Assert.Equal(BreakerState.Open, breaker.State);
        Assert.True(breaker.IsBypassing);
        Assert.False(breaker.TryPass());
        _clock.Advance(Break - TimeSpan.FromMilliseconds(1));
        Assert.False(breaker.TryPass());
    }

    [Fact]
    public void After_the_break_exactly_one_probe_goes_through()
    {
        var breaker = Opened();
        _clock.Advance(Break);
        Assert.False(breaker.IsBypassing); // About to be tried again.
        Assert.True(breaker.TryPass());
        Assert.Equal(BreakerState.HalfOpen, breaker.State);
        Assert.True(breaker.IsBypassing);
        Assert.False(breaker.TryPass());
    }

    [Fact]
    public void A_successful_probe_closes_it()
    {
        var breaker = Opened();
        _clock.Advance(Break);
        Assert.True(breaker.TryPass());
        Assert.True(breaker.Succeeded());
        Assert.Equal(BreakerState.Closed, breaker.State);
        Assert.True(breaker.TryPass());
        Assert.True(breaker.TryPass());
    }

    [Fact]
    public void A_failed_probe_opens_it_for_another_break()
    {
        var breaker = Opened();
        _clock.Advance(Break);
        Assert.True(breaker.TryPass());
        Assert.False(breaker.Failed()); // Not newly opened: it was half-open.
        Assert.Equal(BreakerState.Open, breaker.State);
        Assert.False(breaker.TryPass());
        _clock.Advance(Break);
        Assert.True(breaker.TryPass());
    }

    [Fact]
    public void An_abandoned_probe_lets_the_next_call_probe_at_once()
    {
        var breaker = Opened();
        _clock.Advance(Break);
        Assert.True(breaker.TryPass());
        breaker.Abandoned();
        Assert.True(breaker.TryPass());
        Assert.Equal(BreakerState.HalfOpen, breaker.State);
    }

    [Fact]
    public void A_late_success_of_a_call_made_before_the_failure_does_not_close_it()
    {
        var breaker = Opened();
        Assert.False(breaker.Succeeded());
        Assert.Equal(BreakerState.Open, breaker.State);
        Assert.False(breaker.TryPass());
    }
}
