using Ksst.Contracts.Notifications.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;

namespace Ksst.IntegrationTests.Notifications;

/// <summary>A stack of its own: this test stops the mail server.</summary>
[CollectionDefinition(Name)]
public sealed class SmtpOutageCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "smtp-outage";
}

[Collection(SmtpOutageCollection.Name)]
public sealed class SmtpOutageTests(StackFixture stack)
{
    [Fact]
    public async Task Mail_that_fails_while_the_server_is_down_is_delivered_once_when_it_is_back_even_across_a_restart()
    {
        var notifications = new NotificationsClient(stack.Channel("notifications"));
        var batch = await TestBatches.OpenAsync(stack);
        await stack.StopAsync("mail");

        var request = TestBatches.Nomination(batch.BatchId, "PK", "Ayesha Siddiqui");
        var nomination = await new NominationsClient(stack.Channel("registration")).NominateAsync(request, deadline: DateTime.UtcNow + StackFixture.Timeout);
        var failing = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId,
            d => d.Status == DeliveryStatus.Failed && d.Attempts >= 2, "the delivery failing at least twice");
        Assert.NotEqual("", failing.LastError);
        Assert.NotNull(failing.NextAttemptAt);

        // Notifications restarts in the middle: the failed delivery waits in its log.
        // (DCP sometimes reports a stop as failed although the process ends.)
        await stack.StopAsync("notifications", mustSucceed: false);
        await stack.StartAsync("mail");
        await stack.StartAsync("notifications");
        notifications = new NotificationsClient(stack.Channel("notifications"));
        var sent = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId,
            d => d.Status == DeliveryStatus.Sent, "the delivery sent after the mail server returned");
        Assert.True(sent.Attempts > failing.Attempts);

        var mail = new MailServer(stack.Http("mail"));
        var message = await Eventually.Get(ct => mail.FindToAsync(request.Participant.Email, ct), StackFixture.Timeout, "the email");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        await Task.Delay(TimeSpan.FromSeconds(4), cts.Token); // Longer than the retry cap: a second copy would have come by now.
        Assert.Single(await mail.ListAsync(cts.Token), m => m.To.Any(t => t.Contains(request.Participant.Email, StringComparison.OrdinalIgnoreCase)));
        Assert.StartsWith("Nomination received: ", message.Subject);
    }
}
