using Ksst.Contracts.Notifications.V1;
using Microsoft.Data.Sqlite;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;

namespace Ksst.IntegrationTests.Notifications;

/// <summary>
/// A stack whose mail server holds its answer to messages with "Hold" in the subject for 20 s
/// after receiving them: longer than a send may take (Mail:SendTimeout, 10 s by default), so the
/// sender has handed the message over and does not learn whether it arrived.
/// </summary>
public sealed class HoldingMailStack : StackFixture
{
    /// <summary>The mail server's rule holding the tests' chosen messages.</summary>
    public const string HoldChosenMessages = "message.subject.includes('Hold') ? delay(20) : true";

    public HoldingMailStack() => MailRules.Messages = HoldChosenMessages;
}

/// <summary>A stack of its own: its mail server holds answers, and Notifications is killed.</summary>
[CollectionDefinition(Name)]
public sealed class UncertainMailCollection : ICollectionFixture<HoldingMailStack>
{
    public const string Name = "uncertain-mail";
}

/// <summary>Deliveries whose outcome is unknown: listed as uncertain, counted, never resent unless an operator resends them.</summary>
[Collection(UncertainMailCollection.Name)]
public sealed class UncertainMailTests(HoldingMailStack stack)
{
    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    [Fact]
    public async Task A_crash_while_the_server_holds_a_message_leaves_the_delivery_uncertain_and_only_an_operator_sends_it_again()
    {
        var notifications = new NotificationsClient(stack.Channel("notifications"));
        var batch = await TestBatches.OpenAsync(stack);
        var request = TestBatches.Nomination(batch.BatchId, "MM", "Hold Min Thu");
        var nomination = await new NominationsClient(stack.Channel("registration")).NominateAsync(request, deadline: Deadline);
        var sending = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId,
            d => d.Recipient.StartsWith("participant:") && d.Status == DeliveryStatus.Sending, "the delivery claimed and handed to the mail server");
        Assert.NotNull(sending.ClaimedAt);

        // A crash between the send and its record: no shutdown, no record.
        await stack.KillAsync("notifications", "Ksst.Notifications");
        await stack.StartAsync("notifications");
        notifications = new NotificationsClient(stack.Channel("notifications"));
        var uncertain = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId,
            d => d.Recipient.StartsWith("participant:") && d.Status == DeliveryStatus.Uncertain, "the delivery uncertain after the restart");
        Assert.Equal((1, sending.ClaimedAt), (uncertain.Attempts, uncertain.ClaimedAt));
        Assert.Contains("never recorded", uncertain.LastError);
        var listed = await notifications.ListDeliveriesAsync(new ListDeliveriesRequest { BatchId = batch.BatchId, Status = DeliveryStatus.Uncertain }, deadline: Deadline);
        Assert.Contains(listed.Deliveries, d => d.DeliveryId == sending.DeliveryId);

        // Not sent again by itself: it stays uncertain while its dispatcher goes round.
        using (var cts = new CancellationTokenSource(StackFixture.Timeout))
        {
            await Task.Delay(TimeSpan.FromSeconds(8), cts.Token);
        }
        var later = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId, d => d.DeliveryId == sending.DeliveryId, "the delivery");
        Assert.Equal((DeliveryStatus.Uncertain, 1), (later.Status, later.Attempts));

        // The operator's resend, to a server that answers again.
        stack.MailRules.Messages = "";
        await stack.RestartAsync("mail");
        try
        {
            var resent = await notifications.ResendDeliveryAsync(new ResendDeliveryRequest { DeliveryId = sending.DeliveryId }, deadline: Deadline);
            Assert.Equal(DeliveryStatus.Pending, resent.Status);
            var sent = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId,
                d => d.DeliveryId == sending.DeliveryId && d.Status == DeliveryStatus.Sent, "the resent delivery sent");
            Assert.Equal(1, sent.Attempts);
            var mail = new MailServer(stack.Http("mail"));
            await Eventually.Get(ct => mail.FindToAsync(request.Participant.Email, ct), StackFixture.Timeout, "the resent email");
        }
        finally
        {
            stack.MailRules.Messages = HoldingMailStack.HoldChosenMessages;
            await stack.RestartAsync("mail");
        }
    }

    [Fact]
    public async Task A_message_handed_over_without_an_answer_in_time_is_uncertain_and_not_sent_again_although_it_arrives()
    {
        var notifications = new NotificationsClient(stack.Channel("notifications"));
        var batch = await TestBatches.OpenAsync(stack);
        var request = TestBatches.Nomination(batch.BatchId, "LA", "Hold Vongsa");
        var nomination = await new NominationsClient(stack.Channel("registration")).NominateAsync(request, deadline: Deadline);
        var uncertain = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId,
            d => d.Recipient.StartsWith("participant:") && d.Status == DeliveryStatus.Uncertain, "the delivery uncertain once its send timed out");
        Assert.Contains("Handed over without an answer", uncertain.LastError);

        // The server took it after all (once its hold ended): one copy, and the log still says uncertain.
        var mail = new MailServer(stack.Http("mail"));
        await Eventually.Get(ct => mail.FindToAsync(request.Participant.Email, ct), StackFixture.Timeout, "the held email, once the server answers");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        await Task.Delay(TimeSpan.FromSeconds(6), cts.Token);
        Assert.Single(await mail.ListAsync(cts.Token), m => m.To.Any(t => t.Contains(request.Participant.Email, StringComparison.OrdinalIgnoreCase)));
        var later = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId, d => d.DeliveryId == uncertain.DeliveryId, "the delivery");
        Assert.Equal((DeliveryStatus.Uncertain, 1), (later.Status, later.Attempts));
    }

    [Fact]
    public async Task An_outcome_that_cannot_be_saved_stops_the_round_instead_of_sending_again()
    {
        var notifications = new NotificationsClient(stack.Channel("notifications"));
        var batch = await TestBatches.OpenAsync(stack);
        // The database refuses to record this batch's emails as sent, as a full disk would refuse any write.
        await ExecuteAsync($"""
            CREATE TRIGGER test_refuse_sent BEFORE UPDATE OF Status ON deliveries
            WHEN NEW.Status = 'Sent' AND NEW.BatchId = '{batch.BatchId}'
            BEGIN SELECT RAISE(ABORT, 'the outcome cannot be saved'); END;
            """);
        try
        {
            var request = TestBatches.Nomination(batch.BatchId, "BT", "Sonam Choden");
            var nomination = await new NominationsClient(stack.Channel("registration")).NominateAsync(request, deadline: Deadline);
            var mail = new MailServer(stack.Http("mail"));
            await Eventually.Get(ct => mail.FindToAsync(request.Participant.Email, ct), StackFixture.Timeout, "the email");
            var uncertain = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId,
                d => d.Recipient.StartsWith("participant:") && d.Status == DeliveryStatus.Uncertain, "the delivery whose outcome could not be saved, uncertain");
            Assert.Equal(1, uncertain.Attempts);

            // Rounds went on meanwhile (every few seconds): none sent it again.
            using var cts = new CancellationTokenSource(StackFixture.Timeout);
            await Task.Delay(TimeSpan.FromSeconds(8), cts.Token);
            Assert.Single(await mail.ListAsync(cts.Token), m => m.To.Any(t => t.Contains(request.Participant.Email, StringComparison.OrdinalIgnoreCase)));
        }
        finally
        {
            await ExecuteAsync("DROP TRIGGER IF EXISTS test_refuse_sent;");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(stack.DataRoot, "notifications.db")};Pooling=False;Default Timeout=30");
        await connection.OpenAsync(cts.Token);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cts.Token);
    }
}
