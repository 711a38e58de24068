using System.Diagnostics;
using Ksst.Notifications.Delivery;
using Ksst.Notifications.Webhooks;
using Ksst.Platform.Tracing;

namespace Ksst.UnitTests.Platform;

/// <summary>Work sent later by a dispatcher stays in the trace of what caused it.</summary>
public sealed class CausingTraceTests : IDisposable
{
    private readonly ActivitySource _source = new($"Ksst.UnitTests.CausingTrace.{Guid.NewGuid():N}");
    private readonly ActivityListener _listener;

    public CausingTraceTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source == _source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public void A_delivery_is_sent_as_a_child_of_the_activity_it_was_planned_in_after_that_one_ended()
    {
        Delivery delivery;
        Activity consume;
        using (consume = _source.StartActivity("consume", ActivityKind.Consumer)!)
        {
            consume.TraceStateString = "ksst=1";
            delivery = NewDelivery().TracedBy(Activity.Current);
        }
        Assert.Null(Activity.Current);

        using var send = _source.StartActivityFor("smtp send", ActivityKind.Client, delivery)!;
        Assert.Equal((consume.TraceId, consume.SpanId, "ksst=1"), (send.TraceId, send.ParentSpanId, send.TraceStateString));
        Assert.True(send.HasRemoteParent);
        Assert.Equal(consume.TraceId.ToHexString(), delivery.TraceId);
    }

    [Fact]
    public void A_resend_moves_the_work_to_the_resend_s_trace_which_links_to_the_earlier_one()
    {
        WebhookDelivery work;
        using (var consume = _source.StartActivity("consume", ActivityKind.Consumer)!)
        {
            work = NewWebhookDelivery().TracedBy(consume);
        }
        var before = ActivityContext.Parse(work.TraceParent!, null);

        using var resend = _source.StartActivity("resend", ActivityKind.Server)!;
        work.RetracedBy(resend);

        Assert.Equal(resend.Id, work.TraceParent);
        Assert.Contains(resend.Links, link => link.Context.TraceId == before.TraceId && link.Context.SpanId == before.SpanId);
        Assert.Same(work, work.RetracedBy(null));
        Assert.Equal(resend.Id, work.TraceParent);
    }

    [Fact]
    public void Work_recorded_outside_any_activity_has_no_trace_and_its_span_starts_from_the_current_one()
    {
        var delivery = NewDelivery().TracedBy(null);
        Assert.Equal((null, null, null), (delivery.TraceParent, delivery.TraceState, delivery.TraceId));

        using var round = _source.StartActivity("round")!;
        using var send = _source.StartActivityFor("smtp send", ActivityKind.Client, delivery)!;
        Assert.Equal(round.SpanId, send.ParentSpanId);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _source.Dispose();
    }

    private static Delivery NewDelivery() => new()
    {
        Id = Guid.NewGuid(), EventId = Guid.NewGuid(), EventType = "ParticipantNominated", Recipient = "organisers", BatchId = "b", Channel = "email",
        Template = "participant-nominated", Language = "en", ToName = "Organisers", ToAddress = "organisers@ksst.example", ModelJson = "{}",
    };

    private static WebhookDelivery NewWebhookDelivery() => new() { Id = Guid.NewGuid(), EventType = "ksst.registration.participant-nominated.v1", Body = "{}" };
}
