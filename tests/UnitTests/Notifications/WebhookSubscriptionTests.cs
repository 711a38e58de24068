using Ksst.Notifications.Webhooks;

namespace Ksst.UnitTests.Notifications;

/// <summary>Which events a webhook subscription wants: its event types, and its batch when it has one.</summary>
public sealed class WebhookSubscriptionTests
{
    private const string Accepted = "ksst.registration.participant-accepted.v1";

    private static WebhookSubscription Subscription(string? batch, params string[] types) =>
        new() { Url = "https://partner.example.org/hooks", Secret = "0123456789abcdef", BatchId = batch, EventTypes = [.. types] };

    [Fact]
    public void A_subscription_to_every_batch_wants_its_event_types_of_any_batch()
    {
        Assert.True(Subscription(null, Accepted).Wants(Accepted, "ksst-sme-2018"));
        Assert.True(Subscription(null, "*").Wants("ksst.scheduling.session-cancelled.v1", "ksst-sme-2019"));
        Assert.False(Subscription(null, Accepted).Wants("ksst.scheduling.session-cancelled.v1", "ksst-sme-2018"));
    }

    [Fact]
    public void A_subscription_to_one_batch_wants_its_event_types_of_that_batch_only()
    {
        Assert.True(Subscription("ksst-sme-2018", Accepted).Wants(Accepted, "ksst-sme-2018"));
        Assert.False(Subscription("ksst-sme-2018", Accepted).Wants(Accepted, "ksst-sme-2019"));
        Assert.False(Subscription("ksst-sme-2018", "*").Wants(Accepted, "ksst-sme-2019"));
    }
}
