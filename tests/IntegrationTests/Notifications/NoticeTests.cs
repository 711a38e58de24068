using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Notifications.V1;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using Ksst.IntegrationTests.Scheduling;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;

namespace Ksst.IntegrationTests.Notifications;

/// <summary>Emails from events, in each recipient's language, exactly once; reminders that follow their session.</summary>
[Collection(StackCollection.Name)]
public sealed class NoticeTests(StackFixture stack)
{
    private readonly SchedulingFixtures _fixtures = new(stack);
    private readonly NotificationsClient _notifications = new(stack.Channel("notifications"));
    private readonly MailServer _mail = new(stack.Http("mail"));

    private static DateTime Deadline => SchedulingFixtures.Deadline;

    private async Task<IReadOnlyList<MailServer.Message>> MailToAsync(string address, int count, string what) =>
        await Eventually.Get(async ct =>
        {
            var messages = (await _mail.ListAsync(ct)).Where(m => m.To.Any(t => t.Contains(address, StringComparison.OrdinalIgnoreCase))).ToList();
            return messages.Count >= count ? messages : null;
        }, StackFixture.Timeout, what);

    [Fact]
    public async Task An_acceptance_reaches_the_participant_in_Indonesian_and_the_agency_in_English()
    {
        var batch = await TestBatches.OpenAsync(stack, admitOnArrival: true);
        var request = TestBatches.Nomination(batch.BatchId, "ID", "Siti Rahayu", language: "id");
        request.AgencyContact = new AgencyContact { Name = "Budi Santoso", Email = $"agency-{Guid.NewGuid():N}@kemenperin.go.id" };
        var nomination = await _fixtures.Nominations.NominateAsync(request, deadline: Deadline);

        var participantMail = await MailToAsync(request.Participant.Email, 2, "the participant's two emails");
        Assert.Equal(
            [$"Diterima: Siti Rahayu, angkatan {batch.BatchId}", $"Nominasi diterima: Siti Rahayu, angkatan {batch.BatchId}"],
            participantMail.Select(m => m.Subject).Order());
        var agencyMail = await MailToAsync(request.AgencyContact.Email, 2, "the agency's two emails");
        Assert.Equal(
            [$"Accepted: Siti Rahayu, batch {batch.BatchId}", $"Nomination received: Siti Rahayu, batch {batch.BatchId}"],
            agencyMail.Select(m => m.Subject).Order());
        using (var cts = new CancellationTokenSource(StackFixture.Timeout))
        {
            var body = await _mail.PlainTextAsync(agencyMail[0].Id, cts.Token);
            Assert.StartsWith("Dear Budi Santoso,", body.TrimStart());
        }

        var log = await Eventually.Get(async ct =>
        {
            var d = await _notifications.ListDeliveriesAsync(new ListDeliveriesRequest { NominationId = nomination.NominationId, Status = DeliveryStatus.Sent }, cancellationToken: ct);
            return d.Deliveries.Count == 4 ? d : null;
        }, StackFixture.Timeout, "four sent deliveries in the log");
        Assert.Equal(2, log.Deliveries.Count(d => d.Recipient == $"participant:{nomination.NominationId}" && d.Language == "id"));
        Assert.Equal(2, log.Deliveries.Count(d => d.Recipient == $"agency:{nomination.NominationId}" && d.Language == "en"));

        var notDead = await Assert.ThrowsAsync<RpcException>(() => _notifications.ResendDeliveryAsync(
            new ResendDeliveryRequest { DeliveryId = log.Deliveries[0].DeliveryId }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, notDead.StatusCode);
    }

    [Fact]
    public async Task An_event_delivered_twice_more_still_sends_one_email()
    {
        await using var events = await BrokerSubscription.StartAsync(stack, "ksst.registration.participant-accepted.v1");
        var batch = await TestBatches.OpenAsync(stack, admitOnArrival: true);
        var request = TestBatches.Nomination(batch.BatchId, "LK", "Nimali Perera");
        var nomination = await _fixtures.Nominations.NominateAsync(request, deadline: Deadline);
        var accepted = await events.WaitForDeliveryAsync(nomination.NominationId, StackFixture.Timeout);
        await MailToAsync(request.Participant.Email, 2, "the nomination and acceptance emails");

        // The very same message (same message id, same body) published again, twice.
        await events.RepublishAsync(accepted);
        await events.RepublishAsync(accepted);
        await events.WaitUntilConsumedAsync("notifications-participant-accepted", StackFixture.Timeout);

        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        await Task.Delay(TimeSpan.FromSeconds(2), cts.Token); // Let a wrongly created delivery be sent, were there one.
        var mails = (await _mail.ListAsync(cts.Token)).Where(m => m.To.Any(t => t.Contains(request.Participant.Email, StringComparison.OrdinalIgnoreCase)));
        Assert.Single(mails, m => m.Subject.StartsWith("Accepted: ", StringComparison.Ordinal));
        var log = await _notifications.ListDeliveriesAsync(new ListDeliveriesRequest { NominationId = nomination.NominationId }, deadline: Deadline);
        Assert.Single(log.Deliveries, d => d.EventType == "ParticipantAccepted");
    }

    [Fact]
    public async Task A_reminder_moves_with_its_session_and_is_cancelled_with_it()
    {
        var batch = (await TestBatches.OpenAsync(stack, admitOnArrival: true)).BatchId;
        var participant = (await _fixtures.ParticipantsAsync(batch, ["BT"], confirm: false))[0];
        var hall = await _fixtures.VenueAsync("hall", "Jakarta");
        // 2 March 2027, 09:00 in Jakarta: reminded at 00:00 in Jakarta on 1 March (17:00 UTC on 28 February;
        // the test stack reminds at local midnight).
        var session = await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = SchedulingFixtures.At(batch, hall, "Export class", 2, 4) }, deadline: Deadline);

        var reminder = await ReminderAsync(session.SessionId, r => r.Status == "Scheduled");
        Assert.Equal(new DateTime(2027, 2, 28, 17, 0, 0, DateTimeKind.Utc), reminder.DueAt.ToDateTime());
        Assert.Equal(1, reminder.Audience);

        await _fixtures.Scheduling.RescheduleSessionAsync(new RescheduleSessionRequest
        {
            SessionId = session.SessionId,
            Start = Timestamp.FromDateTime(SchedulingFixtures.Day.AddDays(2).AddHours(2)),
            End = Timestamp.FromDateTime(SchedulingFixtures.Day.AddDays(2).AddHours(4)),
        }, deadline: Deadline);
        var moved = await ReminderAsync(session.SessionId, r => r.DueAt.ToDateTime() != reminder.DueAt.ToDateTime());
        Assert.Equal((new DateTime(2027, 3, 2, 17, 0, 0, DateTimeKind.Utc), "Scheduled"), (moved.DueAt.ToDateTime(), moved.Status));

        await _fixtures.Scheduling.CancelSessionAsync(new CancelSessionRequest { SessionId = session.SessionId }, deadline: Deadline);
        await ReminderAsync(session.SessionId, r => r.Status == "Cancelled");

        // The participant heard of each change.
        var email = participant.Participant.Email;
        var mails = await MailToAsync(email, 5, "nominated, accepted, scheduled, moved and cancelled emails");
        Assert.Contains(mails, m => m.Subject == "Moved: Export class");
        Assert.Contains(mails, m => m.Subject == "Cancelled: Export class");
    }

    [Fact]
    public async Task A_reminder_that_falls_due_reaches_the_audience_once()
    {
        var jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, jakarta).DateTime).AddDays(1);
        var batch = (await TestBatches.OpenAsync(stack, admitOnArrival: true, start: tomorrow, deadline: DateTimeOffset.UtcNow.AddMinutes(10))).BatchId;
        var request = TestBatches.Nomination(batch, "LA", "Somphone Vongsa", start: tomorrow);
        var nomination = await _fixtures.Nominations.NominateAsync(request, deadline: Deadline);
        await Eventually.Get(async ct =>
            (await _fixtures.Scheduling.ListRosterAsync(new ListRosterRequest { BatchId = batch }, cancellationToken: ct)).Entries
                .SingleOrDefault(e => e.NominationId == nomination.NominationId && e.Status == "Accepted"),
            StackFixture.Timeout, "the participant accepted on Scheduling's roster");

        // Tomorrow 10:00 in Jakarta; with reminders at local midnight the day before, it is due now.
        var hall = await _fixtures.VenueAsync("hall", "Jakarta");
        var startUtc = tomorrow.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
        var proposal = SchedulingFixtures.At(batch, hall, "Reminder class", 0, 1);
        proposal.Start = Timestamp.FromDateTime(startUtc);
        proposal.End = Timestamp.FromDateTime(startUtc.AddHours(2));
        var session = await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = proposal }, deadline: Deadline);

        var sent = await ReminderAsync(session.SessionId, r => r.Status == "Sent");
        Assert.Equal(1, sent.Audience);
        await Eventually.Get(async ct => (await _mail.ListAsync(ct)).FirstOrDefault(m =>
            m.Subject == "Tomorrow: Reminder class" && m.To.Any(t => t.Contains(request.Participant.Email, StringComparison.OrdinalIgnoreCase))),
            StackFixture.Timeout, "the reminder email");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        await Task.Delay(TimeSpan.FromSeconds(6), cts.Token); // Several dispatcher rounds: a second copy would have come.
        var reminders = (await _mail.ListAsync(cts.Token)).Where(m => m.To.Any(t => t.Contains(request.Participant.Email, StringComparison.OrdinalIgnoreCase)) && m.Subject == "Tomorrow: Reminder class");
        Assert.Single(reminders);
    }

    private Task<Ksst.Contracts.Notifications.V1.Reminder> ReminderAsync(string sessionId, Func<Ksst.Contracts.Notifications.V1.Reminder, bool> condition) =>
        Eventually.Get(async ct =>
            (await _notifications.ListRemindersAsync(new ListRemindersRequest { SessionId = sessionId }, cancellationToken: ct)).Reminders.SingleOrDefault(condition),
            StackFixture.Timeout, "the session's reminder");
}
