using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Ksst.Platform.Messaging;

/// <summary>
/// A plain AMQP connection of the platform's own, beside MassTransit's, for what MassTransit does
/// not offer: asking whether a queue exists and how many messages it holds, binding a known
/// subscriber's queue, moving messages between queues. Opened on first use and again after any
/// failure; one operation at a time. Every call fails within <see cref="OperationTimeout"/>.
/// </summary>
public sealed class BrokerConnection : IAsyncDisposable
{
    /// <summary>The longest any one call waits for the broker.</summary>
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(5);

    private const ushort NotFound = 404;
    private readonly ConnectionFactory _factory;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;

    /// <summary>A connection to <paramref name="broker"/> (an amqp:// URI with credentials), named <paramref name="name"/> in the broker.</summary>
    public BrokerConnection(Uri broker, string name)
    {
        _factory = new ConnectionFactory
        {
            Uri = broker,
            ClientProvidedName = name,
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = OperationTimeout,
            ContinuationTimeout = OperationTimeout,
            HandshakeContinuationTimeout = OperationTimeout,
        };
    }

    /// <summary>The messages ready in <paramref name="queue"/>, or null when there is no such queue.</summary>
    public Task<uint?> MessageCountAsync(string queue, CancellationToken cancellationToken) =>
        UseAsync<uint?>(async (channel, ct) =>
        {
            try
            {
                return (await channel.QueueDeclarePassiveAsync(queue, ct)).MessageCount;
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == NotFound)
            {
                return null; // The broker closed the channel; the next call opens another.
            }
        }, cancellationToken);

    /// <summary>
    /// Binds <paramref name="queue"/> to <paramref name="exchange"/> as MassTransit binds a
    /// consumer's queue: the event's exchange to an exchange named like the queue, that one to the
    /// queue (all durable fanout). Declaring and binding are idempotent, so where the consumer has
    /// bound it already nothing changes.
    /// </summary>
    public Task BindAsync(string exchange, string queue, CancellationToken cancellationToken) =>
        UseAsync(async (channel, ct) =>
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
            await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
            await channel.QueueBindAsync(queue, queue, "", cancellationToken: ct);
            await channel.ExchangeBindAsync(queue, exchange, "", cancellationToken: ct);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> on a channel with publisher confirms, alone; on failure the
    /// connection is dropped and reopened by the next call.
    /// </summary>
    public async Task<T> UseAsync<T>(Func<IChannel, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(OperationTimeout);
        await _lock.WaitAsync(timeout.Token);
        try
        {
            var channel = await ChannelAsync(timeout.Token);
            return await work(channel, timeout.Token);
        }
        catch (Exception) when (_connection is { IsOpen: false } || timeout.IsCancellationRequested)
        {
            await CloseAsync();
            throw;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<IChannel> ChannelAsync(CancellationToken ct)
    {
        if (_connection is not { IsOpen: true })
        {
            await CloseAsync();
            _connection = await _factory.CreateConnectionAsync(ct);
        }
        if (_channel is not { IsOpen: true })
        {
            if (_channel is not null)
            {
                await _channel.DisposeAsync();
            }
            _channel = await _connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        }
        return _channel;
    }

    private async Task CloseAsync()
    {
        try
        {
            if (_channel is not null)
            {
                await _channel.DisposeAsync();
            }
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
        catch (Exception)
        {
            // Closing a connection that already failed: nothing more to lose.
        }
        _channel = null;
        _connection = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _lock.WaitAsync();
        try
        {
            await CloseAsync();
        }
        finally
        {
            _lock.Release();
        }
    }
}
