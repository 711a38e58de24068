using Ksst.Contracts.Events;

namespace Ksst.Platform.Messaging;

/// <summary>
/// This system's own subscribers: which service's queue is bound to which event's exchange. The
/// queue names are the ones the services declare (their consumer endpoints are named from here,
/// <see cref="SubscriberEndpointNames"/>), and a publisher sends an event only once every queue
/// listed for its exchange exists and is bound (<see cref="SubscriberRoutes"/>), so no consumer of
/// ours misses an event published before its service first started. Subscribers outside the
/// system bind queues of their own and are not listed.
/// </summary>
public static class EventSubscribers
{
    /// <summary>Scheduling's roster follows every decision about a nomination.</summary>
    private static readonly (Type Event, string Queue)[] Scheduling =
    [
        (typeof(ParticipantNominated), "scheduling-participant-nominated"),
        (typeof(ParticipantWaitlisted), "scheduling-participant-waitlisted"),
        (typeof(ParticipantAccepted), "scheduling-participant-accepted"),
        (typeof(ParticipantPromotedFromWaitlist), "scheduling-participant-promoted"),
        (typeof(ParticipantConfirmed), "scheduling-participant-confirmed"),
        (typeof(ParticipantAttended), "scheduling-participant-attended"),
        (typeof(ParticipantWithdrawn), "scheduling-participant-withdrawn"),
        (typeof(ParticipantRejected), "scheduling-participant-rejected"),
    ];

    /// <summary>Every subscriber queue of the system.</summary>
    public static IReadOnlyList<EventSubscriber> All { get; } =
    [
        // Notifications writes to someone about every event: one queue per event,
        // "notifications-<event>" (the exchange's name without its service and version).
        .. IntegrationEvents.ByExchange.Select(e => new EventSubscriber("notifications", e.Value, "notifications-" + e.Key.Split('.')[2])),
        .. Scheduling.Select(s => new EventSubscriber("scheduling", s.Event, s.Queue)),
    ];

    /// <summary>The queues of <paramref name="exchange"/>'s subscribers.</summary>
    public static IReadOnlyList<EventSubscriber> Of(string exchange) =>
        [.. All.Where(s => s.Exchange == exchange)];

    /// <summary>The queues of <paramref name="service"/>.</summary>
    public static IReadOnlyList<EventSubscriber> OfService(string service) =>
        [.. All.Where(s => s.Service == service)];

    /// <summary>
    /// The queue on which <paramref name="service"/> consumes <paramref name="eventType"/>; fails
    /// for a pair not listed here, so a new consumer cannot go unnoticed by the publishers.
    /// </summary>
    public static string QueueOf(string service, Type eventType) =>
        All.SingleOrDefault(s => s.Service == service && s.Event == eventType)?.Queue
        ?? throw new InvalidOperationException(
            $"{service} consumes {eventType.Name}, which {nameof(EventSubscribers)} does not list: add it there, so that publishers wait for its queue.");
}

/// <summary>One subscriber queue.</summary>
/// <param name="Service">The consuming service, e.g. "notifications".</param>
/// <param name="Event">The event record it consumes.</param>
/// <param name="Queue">Its queue, e.g. "notifications-participant-nominated".</param>
public sealed record EventSubscriber(string Service, Type Event, string Queue)
{
    /// <summary>The exchange the queue is bound to.</summary>
    public string Exchange { get; } = IntegrationEvents.ExchangeOf(Event);

    /// <summary>Where the consumer's failed messages go: MassTransit's "&lt;queue&gt;_error".</summary>
    public string ErrorQueue => Queue + "_error";
}
