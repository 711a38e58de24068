using System.Text;
using RabbitMQ.Client;

namespace Ksst.IntegrationTests.Outbox;

/// <summary>
/// <c>./ksst errors drain</c> against the real broker, on queues of the test's own: messages go
/// back unchanged (body, message id, headers, persistence), oldest first, and only those that
/// were waiting when it started.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ErrorQueueDrainTests(StackFixture stack)
{
    [Fact]
    public async Task Draining_moves_each_waiting_message_back_unchanged_and_in_order()
    {
        var queue = $"tests.drain.{Guid.NewGuid():N}";
        await using var broker = await StackBroker.OpenAsync(stack);
        var sent = Enumerable.Range(1, 3).Select(i => (Id: Guid.NewGuid().ToString(), Body: $"{{\"n\":{i}}}")).ToList();
        try
        {
            await broker.UseAsync(async (channel, ct) =>
            {
                foreach (var name in new[] { queue, queue + "_error" })
                {
                    await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
                }
                foreach (var (id, body) in sent)
                {
                    var properties = new BasicProperties
                    {
                        MessageId = id,
                        Persistent = true,
                        ContentType = "application/vnd.masstransit+json",
                        Headers = new Dictionary<string, object?> { ["MT-Fault-Message"] = Encoding.UTF8.GetBytes("it failed"), ["MT-Reason"] = Encoding.UTF8.GetBytes("fault") },
                    };
                    await channel.BasicPublishAsync("", queue + "_error", mandatory: true, properties, Encoding.UTF8.GetBytes(body), ct);
                }
            });

            var (exit, output) = await Ops.RunAsync(stack, "errors", "drain", queue + "_error");

            Assert.True(exit == 0, output);
            Assert.Contains($"{queue}_error: 3 messages moved back to {queue}.", output);
            Assert.Equal(0u, await broker.CountAsync(queue + "_error"));
            await broker.UseAsync(async (channel, ct) =>
            {
                foreach (var (id, body) in sent)
                {
                    var message = await channel.BasicGetAsync(queue, autoAck: true, ct);
                    Assert.NotNull(message);
                    Assert.Equal(body, Encoding.UTF8.GetString(message.Body.Span));
                    Assert.Equal(id, message.BasicProperties.MessageId);
                    Assert.True(message.BasicProperties.Persistent);
                    Assert.Equal("application/vnd.masstransit+json", message.BasicProperties.ContentType);
                    Assert.Equal("it failed", Encoding.UTF8.GetString((byte[])message.BasicProperties.Headers!["MT-Fault-Message"]!));
                    Assert.Equal("fault", Encoding.UTF8.GetString((byte[])message.BasicProperties.Headers!["MT-Reason"]!));
                }
                Assert.Null(await channel.BasicGetAsync(queue, autoAck: true, ct));
            });

            (exit, output) = await Ops.RunAsync(stack, "errors", "drain", queue);
            Assert.True(exit == 0, output);
            Assert.Contains($"{queue}_error: 0 messages moved back", output);
        }
        finally
        {
            await broker.UseAsync(async (channel, ct) =>
            {
                await channel.QueueDeleteAsync(queue, cancellationToken: ct);
                await channel.QueueDeleteAsync(queue + "_error", cancellationToken: ct);
            });
        }
    }

    [Fact]
    public async Task Draining_into_a_queue_that_does_not_exist_moves_nothing_and_says_so()
    {
        var queue = $"tests.drain.{Guid.NewGuid():N}";
        await using var broker = await StackBroker.OpenAsync(stack);
        try
        {
            await broker.UseAsync(async (channel, ct) =>
            {
                await channel.QueueDeclareAsync(queue + "_error", durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
                await channel.BasicPublishAsync("", queue + "_error", mandatory: true, new BasicProperties { MessageId = "m1" }, Encoding.UTF8.GetBytes("{}"), ct);
            });

            var (exit, output) = await Ops.RunAsync(stack, "errors", "drain", queue);

            Assert.Equal(1, exit);
            Assert.Contains($"There is no queue '{queue}'", output);
            Assert.Equal(1u, await broker.CountAsync(queue + "_error"));
        }
        finally
        {
            await broker.UseAsync((channel, ct) => channel.QueueDeleteAsync(queue + "_error", cancellationToken: ct));
        }
    }

    [Fact]
    public async Task The_error_queues_of_every_consumer_are_listed_with_their_messages()
    {
        var (exit, output) = await Ops.RunAsync(stack, "errors");

        Assert.True(exit == 0, output);
        foreach (var subscriber in Ksst.Platform.Messaging.EventSubscribers.All)
        {
            Assert.Contains(subscriber.ErrorQueue, output);
        }
        Assert.Contains("messages in error queues.", output);
    }
}
