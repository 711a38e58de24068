using System.Buffers.Binary;
using System.Diagnostics;
using Ksst.Bench.Measurement;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Ksst.Bench.Baselines;

/// <summary>
/// The broker's ceiling: one hop through the stack's own RabbitMQ, as the services use it —
/// a persistent message to a durable queue, the publisher awaiting the broker's confirm, and a
/// consumer on its own connection. Latency runs from the start of the publish to the consumer
/// receiving it, at a fixed rate.
/// </summary>
public static class RabbitHopBaseline
{
    private const int BodyBytes = 1024;

    /// <summary>Measures the hop at <paramref name="rate"/> messages a second.</summary>
    public static async Task<Measured> RunAsync(BenchOptions options, string connectionString, int rate, CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString), ClientProvidedName = "ksst-bench" };
        await using var publisherConnection = await factory.CreateConnectionAsync(ct);
        await using var consumerConnection = await factory.CreateConnectionAsync(ct);
        await using var publisher = await publisherConnection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        await using var consumer = await consumerConnection.CreateChannelAsync(cancellationToken: ct);
        var queue = $"ksst-bench-hop-{Guid.NewGuid():N}";
        await consumer.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);

        var latencies = new Latencies();
        var measuring = false;
        var receiver = new AsyncEventingBasicConsumer(consumer);
        receiver.ReceivedAsync += (_, delivery) =>
        {
            var sent = BinaryPrimitives.ReadInt64LittleEndian(delivery.Body.Span);
            if (Volatile.Read(ref measuring) && sent > 0)
            {
                latencies.Add(Stopwatch.GetTimestamp() - sent);
            }
            return Task.CompletedTask;
        };
        await consumer.BasicConsumeAsync(queue, autoAck: true, receiver, ct);
        var properties = new BasicProperties { Persistent = true };
        var gate = new SemaphoreSlim(1, 1);

        async Task Publish(long n, CancellationToken token)
        {
            var body = new byte[BodyBytes];
            await gate.WaitAsync(token);
            try
            {
                BinaryPrimitives.WriteInt64LittleEndian(body, Stopwatch.GetTimestamp());
                await publisher.BasicPublishAsync("", queue, mandatory: false, properties, body, token);
            }
            finally
            {
                gate.Release();
            }
        }

        try
        {
            await FixedRate.RunAsync(rate, options.ShortWarmUp, Publish, ct);
            await Task.Delay(500, ct);
            Volatile.Write(ref measuring, true);
            var clock = Stopwatch.StartNew();
            var run = await FixedRate.RunAsync(rate, options.Measure, Publish, ct);
            var seconds = clock.Elapsed.TotalSeconds;
            // Wait (bounded) for the last messages to arrive.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (latencies.Count < run.Started - run.Failed - run.Refused && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, ct);
            }
            return new Measured("RabbitMQ hop (confirms)", $"{rate}/s", latencies.Count, run.Failed + run.Refused, seconds, latencies.Count / seconds, latencies.Summarise(), run.FirstError);
        }
        finally
        {
            await consumer.QueueDeleteAsync(queue, cancellationToken: CancellationToken.None);
        }
    }
}
