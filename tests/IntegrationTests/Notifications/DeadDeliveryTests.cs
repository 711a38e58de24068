using Ksst.Contracts.Notifications.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;

namespace Ksst.IntegrationTests.Notifications;

/// <summary>
/// A stack whose emails are dead after three attempts (the setting its tests are about), and
/// whose mail server refuses recipients with "refused" in their address (550) until told otherwise.
/// </summary>
public sealed class ShortRetryStack : StackFixture
{
    /// <summary>The mail server's rule refusing the tests' chosen recipients.</summary>
    public const string RefuseChosenRecipients = "!recipient.includes('refused')";

    public ShortRetryStack() => MailRules.Recipients = RefuseChosenRecipients;

    protected override IEnumerable<string> Settings => ["--Ksst:Env:notifications:Notifications__Retry__MaxAttempts=3"];

    /// <summary>A nomination whose participant's address the mail server refuses while the rule holds.</summary>
    public static Ksst.Contracts.Registration.V1.NominateRequest RefusedNomination(string batchId, string country, string? name = null)
    {
        var request = TestBatches.Nomination(batchId, country, name);
        request.Participant.Email = $"refused-{Guid.NewGuid():N}@ksst-test.example";
        return request;
    }

    /// <summary>Restarts the mail server with <paramref name="recipients"/> as its recipient rule.</summary>
    public async Task RefuseRecipientsAsync(string recipients)
    {
        MailRules.Recipients = recipients;
        await this.RestartAsync("mail");
    }
}

/// <summary>A stack of its own: the mail server refuses this test's recipient until a delivery is dead.</summary>
[CollectionDefinition(Name)]
public sealed class DeadDeliveryCollection : ICollectionFixture<ShortRetryStack>
{
    public const string Name = "dead-delivery";
}

[Collection(DeadDeliveryCollection.Name)]
public sealed class DeadDeliveryTests(ShortRetryStack stack)
{
    [Fact]
    public async Task A_delivery_the_server_refuses_is_dead_after_its_last_attempt_and_sent_once_when_resent()
    {
        var notifications = new NotificationsClient(stack.Channel("notifications"));
        var batch = await TestBatches.OpenAsync(stack);
        var request = ShortRetryStack.RefusedNomination(batch.BatchId, "MM", "Aung Kyaw Min");
        request.AgencyContact = new Ksst.Contracts.Registration.V1.AgencyContact { Name = "Daw Hnin", Email = $"agency-{Guid.NewGuid():N}@ksst-test.example" };
        var nomination = await new NominationsClient(stack.Channel("registration")).NominateAsync(request, deadline: DateTime.UtcNow + StackFixture.Timeout);
        var dead = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId, d => d.Status == DeliveryStatus.Dead, "the delivery dead after its last attempt");
        Assert.Equal(3, dead.Attempts); // This stack allows three.
        Assert.Equal("SMTP 550 (MailboxUnavailable) to RecipientNotAccepted", dead.LastError);
        // The agency's address is not refused: the server was there all along.
        await DeliveryLog.WaitForAsync(notifications, nomination.NominationId, d => d.Recipient.StartsWith("agency:") && d.Status == DeliveryStatus.Sent, "the agency's email sent");

        await stack.RefuseRecipientsAsync("");
        try
        {
            var resent = await notifications.ResendDeliveryAsync(new ResendDeliveryRequest { DeliveryId = dead.DeliveryId }, deadline: DateTime.UtcNow + StackFixture.Timeout);
            Assert.Equal(DeliveryStatus.Pending, resent.Status);
            var sent = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId, d => d.Recipient.StartsWith("participant:") && d.Status == DeliveryStatus.Sent, "the resent delivery sent");
            Assert.Equal(1, sent.Attempts);
            var mail = new MailServer(stack.Http("mail"));
            await Eventually.Get(ct => mail.FindToAsync(request.Participant.Email, ct), StackFixture.Timeout, "the resent email");
        }
        finally
        {
            await stack.RefuseRecipientsAsync(ShortRetryStack.RefuseChosenRecipients);
        }
    }
}
