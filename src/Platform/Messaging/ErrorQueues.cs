using RabbitMQ.Client;

namespace Ksst.Platform.Messaging;

/// <summary>
/// The error queues of our consumers, for operators: how many messages wait in each, and moving
/// them back to the queue they failed on once the cause is fixed (<c>./ksst errors</c>).
/// </summary>
public static class ErrorQueues
{
    private const string Suffix = "_error";

    /// <summary>The consumer queue named by <paramref name="name"/>, which may be the queue or its error queue.</summary>
    public static string QueueOf(string name) => name.EndsWith(Suffix, StringComparison.Ordinal) ? name[..^Suffix.Length] : name;

    /// <summary>The messages waiting in the error queue of each subscriber queue of ours (0 where it does not exist).</summary>
    public static async Task<IReadOnlyList<(string ErrorQueue, uint Messages)>> CountAsync(BrokerConnection broker, CancellationToken cancellationToken)
    {
        var counts = new List<(string, uint)>();
        foreach (var subscriber in EventSubscribers.All)
        {
            counts.Add((subscriber.ErrorQueue, await broker.MessageCountAsync(subscriber.ErrorQueue, cancellationToken) ?? 0));
        }
        return counts;
    }

    /// <summary>
    /// Moves the messages waiting in <paramref name="queue"/>'s error queue back to
    /// <paramref name="queue"/>, oldest first, unchanged: body, message id, headers (MassTransit's
    /// fault details among them) and every other property. Each is published to the queue with
    /// a confirm and only then removed from the error queue, so a failure midway loses nothing
    /// (at worst one message is in both; consumers de-duplicate by message id). Only as many as
    /// were waiting at the start are moved: one that fails again while the drain runs is not
    /// moved round in a loop. Returns how many moved.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="queue"/> does not exist.</exception>
    public static async Task<int> DrainAsync(BrokerConnection broker, string queue, CancellationToken cancellationToken)
    {
        var errorQueue = queue + Suffix;
        var waiting = await broker.MessageCountAsync(errorQueue, cancellationToken) ?? 0;
        if (waiting == 0)
        {
            return 0;
        }
        if (await broker.MessageCountAsync(queue, cancellationToken) is null)
        {
            throw new InvalidOperationException($"There is no queue '{queue}' to move the messages of '{errorQueue}' back to.");
        }
        var moved = 0;
        while (moved < waiting && await broker.UseAsync((channel, ct) => MoveOneAsync(channel, errorQueue, queue, ct), cancellationToken))
        {
            moved++;
        }
        return moved;
    }

    private static async Task<bool> MoveOneAsync(IChannel channel, string from, string to, CancellationToken ct)
    {
        var message = await channel.BasicGetAsync(from, autoAck: false, ct);
        if (message is null)
        {
            return false;
        }
        // Straight to the queue through the default exchange, mandatory, confirmed (the channel
        // tracks confirms: a return or a nack throws, and the message stays in the error queue).
        try
        {
            await channel.BasicPublishAsync("", to, mandatory: true, new BasicProperties(message.BasicProperties), message.Body, ct);
        }
        catch (Exception)
        {
            await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
            throw;
        }
        await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
        return true;
    }
}
