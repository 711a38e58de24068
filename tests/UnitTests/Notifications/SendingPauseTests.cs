using Ksst.Notifications.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Ksst.UnitTests.Notifications;

/// <summary>How sending to a receiver that is away pauses and probes it.</summary>
public sealed class SendingPauseTests
{
    private static readonly PauseOptions Defaults = new();

    [Fact]
    public void The_first_failure_pauses_for_a_second_and_each_failed_probe_doubles_the_wait_up_to_five_seconds()
    {
        var clock = new FakeTimeProvider();
        var pause = new SendingPause("smtp://127.0.0.1:2525", clock, Defaults);
        Assert.False(pause.IsPaused);
        Assert.True(pause.FoundAway("Connection refused"));
        var waits = new List<double>();
        for (var probe = 0; probe < 6; probe++)
        {
            waits.Add(pause.Wait.TotalSeconds);
            Assert.True(pause.IsPaused);
            clock.Advance(pause.Wait - TimeSpan.FromMilliseconds(1));
            Assert.True(pause.IsPaused);
            clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.False(pause.IsPaused); // A probe may go.
            Assert.False(pause.FoundAway("Connection refused"));
        }
        Assert.Equal([1, 2, 4, 5, 5, 5], waits);
        Assert.Equal(Defaults.MaxProbeInterval, pause.Wait);
    }

    [Fact]
    public void Failures_seen_during_a_wait_do_not_lengthen_it()
    {
        var clock = new FakeTimeProvider();
        var pause = new SendingPause("smtp://127.0.0.1:2525", clock, Defaults);
        pause.FoundAway("Connection refused");
        var probeAt = pause.ProbeAt;
        // The other connections of the round find it away too.
        pause.FoundAway("Connection refused");
        pause.FoundAway("Connection refused");
        Assert.Equal((probeAt, TimeSpan.FromSeconds(1)), (pause.ProbeAt, pause.Wait));
    }

    [Fact]
    public void A_success_resumes_sending_says_how_long_it_was_away_and_starts_the_next_outage_afresh()
    {
        var clock = new FakeTimeProvider();
        var pause = new SendingPause("http://hooks.example.org:80", clock, Defaults);
        Assert.Null(pause.FoundReachable());
        pause.FoundAway("HostNotFound");
        var since = pause.AwaySince;
        clock.Advance(TimeSpan.FromSeconds(30));
        pause.FoundAway("HostNotFound");
        Assert.Equal(since, pause.AwaySince);
        Assert.Equal(TimeSpan.FromSeconds(30), pause.FoundReachable());
        Assert.Equal((false, null, null, TimeSpan.Zero), (pause.IsPaused, pause.AwaySince, pause.ProbeAt, pause.Wait));
        Assert.True(pause.FoundAway("HostNotFound"));
        Assert.Equal(TimeSpan.FromSeconds(1), pause.Wait);
    }

    [Fact]
    public void Each_receiver_pauses_alone_and_one_no_subscription_sends_to_is_no_longer_reported()
    {
        var pauses = new SendingPauses(new FakeTimeProvider(), Microsoft.Extensions.Options.Options.Create(Defaults),
            Microsoft.Extensions.Options.Options.Create(new MailOptions { Server = new Uri("smtp://user:secret@127.0.0.1:2525") }));
        Assert.Equal("smtp://127.0.0.1:2525", pauses.MailServer.Receiver);
        var gone = pauses.WebhookReceiver("https://gone.example.org/hooks?x=1");
        var other = pauses.WebhookReceiver("https://partner.example.org:8443/a");
        Assert.Same(other, pauses.WebhookReceiver("https://partner.example.org:8443/b"));
        gone.FoundAway("HostNotFound");
        Assert.False(other.IsPaused);
        Assert.False(pauses.MailServer.IsPaused);
        Assert.Equal(["https://gone.example.org:443"], pauses.WebhookReceiversAway.Select(p => p.Receiver));
        pauses.KeepOnly([other]);
        Assert.Empty(pauses.WebhookReceiversAway);
    }
}
