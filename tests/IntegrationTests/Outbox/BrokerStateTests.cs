using System.Text;
using Aspire.Hosting.Testing;
using RabbitMQ.Client;

namespace Ksst.IntegrationTests.Outbox;

/// <summary>
/// The local broker is one node per data folder, kept across AppHost starts: a stack started
/// again on the same data finds its queues and the messages waiting in them. Two stacks of its
/// own, one after the other, so it is a collection of its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrokerStateCollection
{
    public const string Name = "broker-state";
}

[Collection(BrokerStateCollection.Name)]
public sealed class BrokerStateTests
{
    [Fact]
    public async Task A_message_waiting_in_a_durable_queue_is_still_there_after_the_stack_restarts()
    {
        var dataRoot = StackFixture.NewDataRoot();
        var queue = $"tests.broker-state.{Guid.NewGuid():N}";
        var body = $"kept across restarts {Guid.NewGuid():N}";
        try
        {
            await WithStackAsync(dataRoot, async (channel, ct) =>
            {
                await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
                await channel.BasicPublishAsync("", queue, mandatory: true, new BasicProperties { Persistent = true }, Encoding.UTF8.GetBytes(body), ct);
            });
            await WithStackAsync(dataRoot, async (channel, ct) =>
            {
                var message = await channel.BasicGetAsync(queue, autoAck: true, ct);
                Assert.NotNull(message);
                Assert.Equal(body, Encoding.UTF8.GetString(message.Body.Span));
                await channel.QueueDeleteAsync(queue, cancellationToken: ct);
            });
        }
        finally
        {
            try
            {
                Directory.Delete(dataRoot, recursive: true);
            }
            catch (IOException)
            {
                // A process may still hold a file; the OS cleans the temp folder.
            }
        }
    }

    /// <summary>Starts a stack on <paramref name="dataRoot"/>, runs <paramref name="use"/> on a channel to its broker (with confirms), and stops it.</summary>
    private static async Task WithStackAsync(string dataRoot, Func<IChannel, CancellationToken, Task> use)
    {
        var stack = new SameDataStack(dataRoot);
        try
        {
            await stack.InitializeAsync();
            using var cts = new CancellationTokenSource(StackFixture.Timeout);
            var uri = await stack.App.GetConnectionStringAsync("messaging", cts.Token) ?? throw new InvalidOperationException("No broker.");
            await using var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync(cts.Token);
            await using var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cts.Token);
            await use(channel, cts.Token).WaitAsync(cts.Token);
        }
        finally
        {
            await stack.DisposeAsync();
        }
    }

    /// <summary>A stack on a given data folder that keeps it when it stops.</summary>
    private sealed class SameDataStack(string dataRoot) : StackFixture(dataRoot, keepData: true);
}
