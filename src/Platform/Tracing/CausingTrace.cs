using System.Diagnostics;

namespace Ksst.Platform.Tracing;

/// <summary>
/// Work done later on behalf of an operation (an event to publish, an email, a webhook POST),
/// carrying the W3C trace context of the operation that caused it.
/// </summary>
public interface ITracedWork
{
    /// <summary>W3C traceparent of the activity that caused the work; its spans continue that trace.</summary>
    string? TraceParent { get; set; }

    /// <summary>W3C tracestate that goes with <see cref="TraceParent"/>.</summary>
    string? TraceState { get; set; }
}

/// <summary>
/// Keeps work done later in the trace of its cause: the cause's context is recorded with the work
/// item when it is planned, and the span that does the work is started as its child. A dispatcher
/// runs outside any activity, so without this its spans would start traces of their own, and a
/// client span with no parent is dropped by the sampler (<c>NoOrphanClientSpans</c>). The outbox
/// relay, the mail dispatcher and the webhook dispatcher all follow this one rule.
/// </summary>
public static class CausingTrace
{
    /// <summary>Records <paramref name="cause"/> (normally <see cref="Activity.Current"/>) as what <paramref name="work"/> is done for.</summary>
    public static TWork TracedBy<TWork>(this TWork work, Activity? cause) where TWork : ITracedWork
    {
        var w3c = cause is { IdFormat: ActivityIdFormat.W3C };
        work.TraceParent = w3c ? cause!.Id : null;
        work.TraceState = w3c ? cause!.TraceStateString : null;
        return work;
    }

    /// <summary>
    /// Makes <paramref name="cause"/> the cause of <paramref name="work"/> from now on (as a resend
    /// is), linking it to the trace of the previous cause so that one can still be followed.
    /// Without a cause the work stays in the previous trace.
    /// </summary>
    public static TWork RetracedBy<TWork>(this TWork work, Activity? cause) where TWork : ITracedWork
    {
        if (cause is null)
        {
            return work;
        }
        if (ActivityContext.TryParse(work.TraceParent, work.TraceState, isRemote: true, out var previous))
        {
            cause.AddLink(new ActivityLink(previous));
        }
        return work.TracedBy(cause);
    }

    /// <summary>
    /// Starts the span that does <paramref name="work"/> as a child of its recorded cause (work
    /// recorded without one starts from the current activity, if any).
    /// </summary>
    public static Activity? StartActivityFor(this ActivitySource source, string name, ActivityKind kind, ITracedWork work) =>
        ActivityContext.TryParse(work.TraceParent, work.TraceState, isRemote: true, out var cause)
            ? source.StartActivity(name, kind, cause)
            : source.StartActivity(name, kind);

    /// <summary>The trace id of a W3C traceparent, or null.</summary>
    public static string? TraceIdOf(string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var context) ? context.TraceId.ToHexString() : null;
}
