using Ksst.Contracts.Notifications.V1;
using Ksst.IntegrationTests.Telemetry;
using Ksst.IntegrationTests.Telemetry.Otlp;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;

namespace Ksst.IntegrationTests.Notifications;

/// <summary>A resent email is sent in the resend's trace, which links to the trace of the event that caused it.</summary>
[Collection(DeadDeliveryCollection.Name)]
public sealed class ResendTraceTests(ShortRetryStack stack)
{
    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    [Fact]
    public async Task A_resent_email_is_sent_under_the_resend_call_which_links_to_the_nomination_s_trace()
    {
        var notifications = new NotificationsClient(stack.Channel("notifications"));
        var batch = await TestBatches.OpenAsync(stack);
        var nominator = new CallerSpan();
        var nomination = await new NominationsClient(stack.Channel("registration")).NominateAsync(ShortRetryStack.RefusedNomination(batch.BatchId, "FJ"), nominator.Headers, Deadline);
        var dead = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId, d => d.Status == DeliveryStatus.Dead, "the delivery dead after its last attempt");
        Assert.True(nominator.TraceId == dead.TraceId, $"The delivery log names trace {dead.TraceId}, not the nomination's. {stack.Telemetry.Describe(dead.TraceId)}");

        await stack.RefuseRecipientsAsync("");
        var operatorSpan = new CallerSpan();
        try
        {
            var resent = await notifications.ResendDeliveryAsync(new ResendDeliveryRequest { DeliveryId = dead.DeliveryId }, operatorSpan.Headers, Deadline);
            Assert.Equal(operatorSpan.TraceId, resent.TraceId);
            var sent = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId, d => d.Recipient.StartsWith("participant:") && d.Status == DeliveryStatus.Sent, "the resent delivery sent");
            Assert.Equal(operatorSpan.TraceId, sent.TraceId);
        }
        finally
        {
            await stack.RefuseRecipientsAsync(ShortRetryStack.RefuseChosenRecipients);
        }

        var send = await stack.Telemetry.WaitForTraceAsync(operatorSpan.TraceId, spans =>
            spans.FirstOrDefault(s => s is { Service: "notifications", Name: "smtp send" }) is { } span
            && stack.Telemetry.Ancestors(span) is [.., { ParentSpanId: var parent }] ancestors && parent == operatorSpan.SpanId ? new SpanWithAncestors(span, ancestors) : null,
            "the resent email's smtp send span under the resend call");
        Assert.Equal(dead.DeliveryId, send.Span.Attribute("ksst.delivery.id"));
        var rpc = send.Ancestors[^1];
        Assert.Equal((SpanKind.Server, "notifications"), (rpc.Kind, rpc.Service));
        Assert.Contains(rpc.Links, link => link.TraceId == nominator.TraceId);
        // The refused attempts stay in the nomination's trace.
        Assert.Contains(stack.Telemetry.Trace(nominator.TraceId), s => s is { Service: "notifications", Name: "smtp send" });
    }
}
