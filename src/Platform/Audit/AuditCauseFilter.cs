using MassTransit;

namespace Ksst.Platform.Audit;

/// <summary>
/// Names what a consumer changes in the audit log: "consume &lt;queue&gt;", the queue being the
/// consumer's (one per event and service, <see cref="EventSubscribers"/>).
/// </summary>
internal sealed class AuditCauseFilter : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        using (AuditCause.Begin($"consume {QueueOf(context.ReceiveContext.InputAddress)}"))
        {
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("audit-cause");

    /// <summary>The queue's name, the last segment of a receive endpoint's address.</summary>
    internal static string QueueOf(Uri? inputAddress) =>
        inputAddress?.AbsolutePath.TrimEnd('/').Split('/')[^1] is { Length: > 0 } queue ? queue : "a message";
}
