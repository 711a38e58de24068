using System.Text;
using System.Threading.Channels;
using Aspire.Hosting.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Ksst.IntegrationTests;

/// <summary>
/// A plain RabbitMQ subscriber (no MassTransit): its own exclusive queue bound to the given
/// exchanges, collecting message bodies as text.
/// </summary>
public sealed class BrokerSubscription : IAsyncDisposable
{
    /// <summary>A delivered message: its body as text and its AMQP properties.</summary>
    public sealed record Delivery(string Body, IReadOnlyBasicProperties Properties, string Exchange);

    private readonly Channel<Delivery> _bodies = Channel.CreateUnbounded<Delivery>();
    private IConnection? _connection;
    private IChannel? _channel;

    /// <summary>Connects to the stack's broker and binds to <paramref name="exchanges"/>.</summary>
    public static async Task<BrokerSubscription> StartAsync(StackFixture stack, params string[] exchanges)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var subscription = new BrokerSubscription();
        var uri = await stack.App.GetConnectionStringAsync("messaging", cts.Token) ?? throw new InvalidOperationException("No broker.");
        subscription._connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync(cts.Token);
        var channel = subscription._channel = await subscription._connection.CreateChannelAsync(cancellationToken: cts.Token);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cts.Token);
        foreach (var exchange in exchanges)
        {
            // The same declaration the publisher makes: durable fanout.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cts.Token);
            await channel.QueueBindAsync(queue.QueueName, exchange, "", cancellationToken: cts.Token);
        }
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            subscription._bodies.Writer.TryWrite(new Delivery(Encoding.UTF8.GetString(delivery.Body.Span), delivery.BasicProperties, delivery.Exchange));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cts.Token);
        return subscription;
    }

    /// <summary>The first body containing <paramref name="text"/>, or a timeout.</summary>
    public async Task<string> WaitForAsync(string text, TimeSpan timeout) => (await WaitForDeliveryAsync(text, timeout)).Body;

    /// <summary>The first delivery whose body contains <paramref name="text"/>, or a timeout.</summary>
    public async Task<Delivery> WaitForDeliveryAsync(string text, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var delivery = await _bodies.Reader.ReadAsync(cts.Token);
                if (delivery.Body.Contains(text, StringComparison.Ordinal))
                {
                    return delivery;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No message containing '{text}' within {timeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>Publishes <paramref name="delivery"/> again, unchanged (same properties, headers and body), to its exchange.</summary>
    public async Task RepublishAsync(Delivery delivery)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        await _channel!.BasicPublishAsync(delivery.Exchange, "", false, new BasicProperties(delivery.Properties), Encoding.UTF8.GetBytes(delivery.Body), cts.Token);
    }

    /// <summary>
    /// Publishes <paramref name="body"/> to <paramref name="exchange"/> as a new message
    /// <paramref name="messageId"/>, with the other properties and headers of <paramref name="like"/>.
    /// </summary>
    public async Task PublishAsync(Delivery like, string exchange, string body, Guid messageId)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var properties = new BasicProperties(like.Properties) { MessageId = messageId.ToString() };
        await _channel!.BasicPublishAsync(exchange, "", false, properties, Encoding.UTF8.GetBytes(body), cts.Token);
    }

    /// <summary>Waits until <paramref name="queue"/> holds no ready messages.</summary>
    public async Task WaitUntilConsumedAsync(string queue, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await using var channel = await _connection!.CreateChannelAsync(cancellationToken: cts.Token);
        while ((await channel.QueueDeclarePassiveAsync(queue, cts.Token)).MessageCount > 0)
        {
            await Task.Delay(100, cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null) await _channel.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
