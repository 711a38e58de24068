using Aspire.Hosting.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Ksst.IntegrationTests.Outbox;

/// <summary>A plain AMQP connection to the stack's broker, as an operator's tool would have.</summary>
public sealed class StackBroker : IAsyncDisposable
{
    private readonly IConnection _connection;

    private StackBroker(IConnection connection) => _connection = connection;

    /// <summary>The broker's amqp:// URI.</summary>
    public static async Task<Uri> UriAsync(StackFixture stack)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        return new Uri(await stack.App.GetConnectionStringAsync("messaging", cts.Token) ?? throw new InvalidOperationException("No broker."));
    }

    /// <summary>Connects to the stack's broker.</summary>
    public static async Task<StackBroker> OpenAsync(StackFixture stack)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var connection = await new ConnectionFactory { Uri = await UriAsync(stack) }.CreateConnectionAsync(cts.Token);
        return new StackBroker(connection);
    }

    /// <summary>Runs <paramref name="use"/> on a fresh channel with publisher confirms.</summary>
    public async Task<T> UseAsync<T>(Func<IChannel, CancellationToken, Task<T>> use)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        await using var channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cts.Token);
        return await use(channel, cts.Token).WaitAsync(cts.Token);
    }

    /// <summary>Runs <paramref name="use"/> on a fresh channel with publisher confirms.</summary>
    public Task UseAsync(Func<IChannel, CancellationToken, Task> use) => UseAsync(async (c, ct) => { await use(c, ct); return true; });

    /// <summary>The messages ready in <paramref name="queue"/>, or null when there is no such queue.</summary>
    public Task<uint?> CountAsync(string queue) => UseAsync<uint?>(async (channel, ct) =>
    {
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, ct)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    });

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
