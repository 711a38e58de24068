using Ksst.Contracts.Events;
using Ksst.Platform.Messaging;
using Ksst.Scheduling.Data;
using MassTransit;

namespace Ksst.UnitTests.Platform;

/// <summary>
/// The catalogue of our subscriber queues, which publishers wait for, matches the consumers the
/// services have, and names their queues as before (a renamed queue would strand the messages
/// waiting in the old one, now that the broker keeps its state).
/// </summary>
public sealed class EventSubscribersTests
{
    private static IEnumerable<Type> ConsumersOf(Type serviceType) => serviceType.Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IConsumer).IsAssignableFrom(t));

    private static string Name(IEndpointNameFormatter formatter, Type consumer) =>
        (string)typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!.MakeGenericMethod(consumer).Invoke(formatter, null)!;

    [Fact]
    public void Schedulings_consumers_are_the_catalogues_and_keep_the_queue_names_they_had()
    {
        var consumers = ConsumersOf(typeof(SchedulingDbContext)).ToList();
        var consumed = consumers.Select(SubscriberEndpointNames.ConsumedEvent).ToList();
        Assert.All(consumed, Assert.NotNull);
        Assert.Equal(
            EventSubscribers.OfService("scheduling").Select(s => s.Event.Name).Order(),
            consumed.Select(e => e!.Name).Order());
        var before = new KebabCaseEndpointNameFormatter("scheduling", includeNamespace: false);
        foreach (var consumer in consumers)
        {
            Assert.Equal(Name(before, consumer), Name(new SubscriberEndpointNames("scheduling"), consumer));
        }
    }

    [Fact]
    public void Notifications_has_a_queue_for_every_event_named_as_before()
    {
        var queues = EventSubscribers.OfService("notifications");
        Assert.Equal(IntegrationEvents.ByExchange.Count, queues.Count);
        Assert.All(queues, q => Assert.Equal("notifications-" + q.Exchange.Split('.')[2], q.Queue));
        Assert.Equal("notifications-participant-promoted-from-waitlist_error", EventSubscribers.QueueOf("notifications", typeof(ParticipantPromotedFromWaitlist)) + "_error");
    }

    [Fact]
    public void A_consumer_the_catalogue_does_not_list_stops_the_service_from_starting()
    {
        var consumer = ConsumersOf(typeof(SchedulingDbContext)).First();
        var e = Assert.Throws<System.Reflection.TargetInvocationException>(() => Name(new SubscriberEndpointNames("registration"), consumer));
        Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Contains(nameof(EventSubscribers), e.InnerException!.Message);
    }

    [Fact]
    public void Every_subscriber_queue_is_listed_once()
    {
        Assert.Equal(EventSubscribers.All.Count, EventSubscribers.All.Select(s => s.Queue).Distinct().Count());
        Assert.All(EventSubscribers.All, s => Assert.Contains(s, EventSubscribers.Of(s.Exchange)));
    }
}
