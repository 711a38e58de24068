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
    public async Task Mail_waiting_while_the_server_is_down_spends_no_attempts_and_is_delivered_once_when_it_is_back_even_across_a_restart()
    {
        var notifications = new NotificationsClient(stack.Channel("notifications"));
        var batch = await TestBatches.OpenAsync(stack);
        await stack.StopAsync("mail");

        var request = TestBatches.Nomination(batch.BatchId, "PK", "Ayesha Siddiqui");
        var nomination = await new NominationsClient(stack.Channel("registration")).NominateAsync(request, deadline: DateTime.UtcNow + StackFixture.Timeout);
        // Paused, and probed until the wait between probes is at its longest (1, 2, 4, then 5 s):
        // under the default retry schedule (2, 4, 8 s ...) each failed probe would have been an attempt.
        var report = await HealthAsync(r => r.Contains("\"name\":\"sending\",\"status\":\"Degraded\"") && r.Contains("tried again every 5 s"),
            "sending to the mail server paused, probed at the longest interval");
        Assert.Contains("the mail server smtp://127.0.0.1:", report);
        var waiting = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId,
            d => d.Recipient.StartsWith("participant:"), "the participant's delivery in the log");
        Assert.Equal((DeliveryStatus.Pending, 0), (waiting.Status, waiting.Attempts));

        // Notifications restarts in the middle: the delivery waits in its log.
        // (DCP sometimes reports a stop as failed although the process ends.)
        await stack.StopAsync("notifications", mustSucceed: false);
        await stack.StartAsync("mail");
        await stack.StartAsync("notifications");
        notifications = new NotificationsClient(stack.Channel("notifications"));
        var sent = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId,
            d => d.Recipient.StartsWith("participant:") && d.Status == DeliveryStatus.Sent, "the delivery sent after the mail server returned");
        Assert.Equal(1, sent.Attempts);

        var mail = new MailServer(stack.Http("mail"));
        var message = await Eventually.Get(ct => mail.FindToAsync(request.Participant.Email, ct), StackFixture.Timeout, "the email");
        Assert.StartsWith("Nomination received: ", message.Subject);
        await HealthAsync(r => r.Contains("\"name\":\"sending\",\"status\":\"Healthy\""), "sending no longer paused");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        await Task.Delay(TimeSpan.FromSeconds(6), cts.Token); // Longer than the longest probe wait: a second copy would have come by now.
        Assert.Single(await mail.ListAsync(cts.Token), m => m.To.Any(t => t.Contains(request.Participant.Email, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task The_mail_server_back_after_a_pause_is_noticed_within_the_longest_probe_interval()
    {
        var notifications = new NotificationsClient(stack.Channel("notifications"));
        var batch = await TestBatches.OpenAsync(stack);
        await stack.StopAsync("mail");
        var request = TestBatches.Nomination(batch.BatchId, "BD", "Farhana Akter");
        var nomination = await new NominationsClient(stack.Channel("registration")).NominateAsync(request, deadline: DateTime.UtcNow + StackFixture.Timeout);
        await HealthAsync(r => r.Contains("tried again every 5 s"), "sending to the mail server paused at the longest interval");

        // No restart of Notifications this time: its own probe finds the server back.
        await stack.StartAsync("mail");
        var sent = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId,
            d => d.Recipient.StartsWith("participant:") && d.Status == DeliveryStatus.Sent, "the delivery sent once the probe found the server back");
        Assert.Equal(1, sent.Attempts);
        var mail = new MailServer(stack.Http("mail"));
        await Eventually.Get(ct => mail.FindToAsync(request.Participant.Email, ct), StackFixture.Timeout, "the email");
    }

    private async Task<string> HealthAsync(Func<string, bool> match, string what)
    {
        using var http = stack.Http("notifications");
        return await Eventually.Get(async ct => await http.GetStringAsync("/health", ct) is var report && match(report) ? report : null, StackFixture.Timeout, what);
    }
}
