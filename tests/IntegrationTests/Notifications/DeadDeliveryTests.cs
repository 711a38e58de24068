using Ksst.Contracts.Notifications.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;

namespace Ksst.IntegrationTests.Notifications;

/// <summary>A stack whose emails are dead after three attempts.</summary>
public sealed class ShortRetryStack : StackFixture
{
    public override int MaxMailAttempts => 3;
}

/// <summary>A stack of its own: this test stops the mail server until a delivery is dead.</summary>
[CollectionDefinition(Name)]
public sealed class DeadDeliveryCollection : ICollectionFixture<ShortRetryStack>
{
    public const string Name = "dead-delivery";
}

[Collection(DeadDeliveryCollection.Name)]
public sealed class DeadDeliveryTests(ShortRetryStack stack)
{
    [Fact]
    public async Task A_delivery_dead_after_its_last_attempt_is_sent_once_when_resent()
    {
        var notifications = new NotificationsClient(stack.Channel("notifications"));
        var batch = await TestBatches.OpenAsync(stack);
        await stack.StopAsync("mail");
        var request = TestBatches.Nomination(batch.BatchId, "MM", "Aung Kyaw Min");
        var nomination = await new NominationsClient(stack.Channel("registration")).NominateAsync(request, deadline: DateTime.UtcNow + StackFixture.Timeout);
        var dead = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId, d => d.Status == DeliveryStatus.Dead, "the delivery dead after its last attempt");
        Assert.Equal(3, dead.Attempts); // This stack allows three.

        await stack.StartAsync("mail");
        var resent = await notifications.ResendDeliveryAsync(new ResendDeliveryRequest { DeliveryId = dead.DeliveryId }, deadline: DateTime.UtcNow + StackFixture.Timeout);
        Assert.Equal(DeliveryStatus.Pending, resent.Status);
        await DeliveryLog.WaitForAsync(notifications, nomination.NominationId, d => d.Status == DeliveryStatus.Sent, "the resent delivery sent");
        var mail = new MailServer(stack.Http("mail"));
        await Eventually.Get(ct => mail.FindToAsync(request.Participant.Email, ct), StackFixture.Timeout, "the resent email");
    }
}
