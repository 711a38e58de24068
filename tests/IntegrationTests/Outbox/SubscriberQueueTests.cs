using Ksst.Platform.Messaging;

namespace Ksst.IntegrationTests.Outbox;

/// <summary>The subscriber queues publishers wait for are the ones the services declare.</summary>
[Collection(StackCollection.Name)]
public sealed class SubscriberQueueTests(StackFixture stack)
{
    [Fact]
    public async Task Every_queue_in_the_subscriber_catalogue_is_declared_by_its_service_on_a_fresh_broker()
    {
        await using var broker = await StackBroker.OpenAsync(stack);
        var missing = new List<string>();
        foreach (var subscriber in EventSubscribers.All)
        {
            // The services are healthy once their receive endpoints are up; the broker is this stack's own.
            if (await broker.CountAsync(subscriber.Queue) is null)
            {
                missing.Add(subscriber.Queue);
            }
        }
        Assert.Empty(missing);
    }
}
