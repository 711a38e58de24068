using System.Net;
using Google.Protobuf.WellKnownTypes;
using Ksst.Contracts.Notifications.V1;
using Ksst.Contracts.Scheduling.V1;
using Ksst.IntegrationTests.Scheduling;
using Ksst.IntegrationTests.Telemetry;
using Ksst.IntegrationTests.Telemetry.Otlp;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;

namespace Ksst.IntegrationTests.Notifications;

/// <summary>
/// Emails and webhooks are sent in the trace of what caused them, as exported to a real OTLP
/// receiver: the dashboard shows the send inside the flow, and the delivery log's trace id finds it.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class SendTraceTests(StackFixture stack)
{
    private readonly SchedulingFixtures _fixtures = new(stack);
    private readonly NotificationsClient _notifications = new(stack.Channel("notifications"));

    private static DateTime Deadline => SchedulingFixtures.Deadline;

    [Fact]
    public async Task A_nomination_s_email_is_sent_in_the_nomination_s_trace_under_the_consumer()
    {
        var batch = await TestBatches.OpenAsync(stack);
        var caller = new CallerSpan();
        var nomination = await _fixtures.Nominations.NominateAsync(TestBatches.Nomination(batch.BatchId, "TH", "Somchai Wongsa"), caller.Headers, Deadline);
        var delivery = await DeliveryLog.WaitForAsync(_notifications, nomination.NominationId, d => d.Status == DeliveryStatus.Sent, "the nomination's email sent");
        Assert.Equal(caller.TraceId, delivery.TraceId);

        var send = await SpanUnderCallerAsync(caller, s => s is { Service: "notifications", Name: "smtp send" }, "the email's smtp send span, its parents up to the nomination's RPC");
        Assert.Equal(SpanKind.Client, send.Span.Kind);
        Assert.Equal(delivery.DeliveryId, send.Span.Attribute("ksst.delivery.id"));
        Assert.Equal(delivery.Template, send.Span.Attribute("ksst.delivery.template"));
        Assert.False(string.IsNullOrEmpty(send.Span.Attribute("server.address")));
        Assert.False(string.IsNullOrEmpty(send.Span.Attribute("server.port")));
        Assert.DoesNotContain(send.Span.Attributes.Values, value => value.Contains('@'));
        Assert.Equal("notifications", send.Ancestors[0].Service);
        Assert.Contains(send.Ancestors, s => s is { Service: "notifications", Kind: SpanKind.Consumer });
        Assert.Equal((SpanKind.Server, "registration"), (send.Ancestors[^1].Kind, send.Ancestors[^1].Service));
    }

    [Fact]
    public async Task A_webhook_is_posted_in_the_trace_of_its_event_and_carries_it_to_the_subscriber()
    {
        using var receiver = new HttpListener();
        var url = $"http://127.0.0.1:{Loopback.FreePort()}/trace-hooks/";
        receiver.Prefixes.Add(url);
        receiver.Start();
        var subscription = await _notifications.CreateWebhookSubscriptionAsync(new CreateWebhookSubscriptionRequest
        {
            Url = url + "ksst", EventTypes = { "ksst.registration.participant-nominated.v1" }, Secret = "whsec-trace-test-0123456789abcdef",
        }, deadline: Deadline);
        try
        {
            var batch = await TestBatches.OpenAsync(stack);
            var caller = new CallerSpan();
            var nomination = await _fixtures.Nominations.NominateAsync(TestBatches.Nomination(batch.BatchId, "MV"), caller.Headers, Deadline);

            string? traceparent;
            using (var cts = new CancellationTokenSource(StackFixture.Timeout))
            {
                while (true)
                {
                    var context = await receiver.GetContextAsync().WaitAsync(cts.Token);
                    using var reader = new StreamReader(context.Request.InputStream);
                    var body = await reader.ReadToEndAsync(cts.Token);
                    traceparent = context.Request.Headers["traceparent"];
                    context.Response.StatusCode = 204;
                    context.Response.Close();
                    if (body.Contains(nomination.NominationId, StringComparison.Ordinal))
                    {
                        break;
                    }
                }
            }
            Assert.StartsWith($"00-{caller.TraceId}-", traceparent);

            var post = await SpanUnderCallerAsync(caller,
                s => s is { Service: "notifications", Kind: SpanKind.Client } && s.Attribute("url.full")?.StartsWith(url, StringComparison.Ordinal) == true,
                "the webhook's POST span, its parents up to the nomination's RPC");
            Assert.Contains(post.Ancestors, s => s is { Service: "notifications", Kind: SpanKind.Consumer });
            Assert.Equal((SpanKind.Server, "registration"), (post.Ancestors[^1].Kind, post.Ancestors[^1].Service));
        }
        finally
        {
            await _notifications.DeleteWebhookSubscriptionAsync(new DeleteWebhookSubscriptionRequest { SubscriptionId = subscription.SubscriptionId }, deadline: Deadline);
        }
    }

    [Fact]
    public async Task A_reminder_s_email_is_sent_in_a_trace_of_its_own_that_starts_where_the_reminder_fires()
    {
        var jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, jakarta).DateTime).AddDays(1);
        var batch = (await TestBatches.OpenAsync(stack, admitOnArrival: true, start: tomorrow, deadline: DateTimeOffset.UtcNow.AddMinutes(10))).BatchId;
        var participant = await _fixtures.Nominations.NominateAsync(TestBatches.Nomination(batch, "PH", start: tomorrow), deadline: Deadline);
        await Eventually.Get(async ct =>
            (await _fixtures.Scheduling.ListRosterAsync(new ListRosterRequest { BatchId = batch }, cancellationToken: ct)).Entries
                .SingleOrDefault(e => e.NominationId == participant.NominationId && e.Status == "Accepted"),
            StackFixture.Timeout, "the participant accepted on Scheduling's roster");
        var hall = await _fixtures.VenueAsync("hall", "Jakarta");
        // Tomorrow 10:00 in Jakarta: the test stack reminds at local midnight the day before, so now.
        var proposal = SchedulingFixtures.At(batch, hall, "Traced reminder", 0, 1);
        var startUtc = tomorrow.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
        (proposal.Start, proposal.End) = (Timestamp.FromDateTime(startUtc), Timestamp.FromDateTime(startUtc.AddHours(2)));
        var scheduler = new CallerSpan();
        var session = await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = proposal }, scheduler.Headers, Deadline);

        var delivery = await DeliveryLog.WaitForAsync(_notifications, participant.NominationId, d => d.EventType == "SessionReminder" && d.Status == DeliveryStatus.Sent, "the reminder's email sent");
        Assert.NotEqual(scheduler.TraceId, delivery.TraceId);
        var send = await stack.Telemetry.WaitForTraceAsync(delivery.TraceId, spans =>
            spans.FirstOrDefault(s => s is { Service: "notifications", Name: "smtp send" }) is { } span
            && stack.Telemetry.Ancestors(span) is [.., { ParentSpanId: null }] ancestors ? new SpanWithAncestors(span, ancestors) : null,
            "the reminder's smtp send span, its parents up to the root");
        Assert.Equal(delivery.DeliveryId, send.Span.Attribute("ksst.delivery.id"));
        var root = send.Ancestors[^1];
        Assert.Equal(("notifications", SpanKind.Internal, "reminder fire"), (root.Service, root.Kind, root.Name));
        Assert.Equal(session.SessionId, root.Attribute("ksst.session.id"));
    }

    /// <summary>The first matching span of the caller's trace, once its parents up to the caller's RPC have arrived.</summary>
    private Task<SpanWithAncestors> SpanUnderCallerAsync(CallerSpan caller, Func<ReceivedSpan, bool> match, string what) =>
        stack.Telemetry.WaitForTraceAsync(caller.TraceId, spans =>
            spans.FirstOrDefault(match) is { } span && stack.Telemetry.Ancestors(span) is [.., { ParentSpanId: var parent }] ancestors && parent == caller.SpanId
                ? new SpanWithAncestors(span, ancestors)
                : null,
            what);
}

/// <summary>A span and its parent, grandparent, ... up to the trace's first received span.</summary>
public sealed record SpanWithAncestors(ReceivedSpan Span, IReadOnlyList<ReceivedSpan> Ancestors);
