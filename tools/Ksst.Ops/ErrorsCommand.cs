using Ksst.Platform.Messaging;

namespace Ksst.Ops;

/// <summary><c>./ksst errors</c>: the error queues of our consumers.</summary>
internal static class ErrorsCommand
{
    /// <summary>Prints every error queue with its messages.</summary>
    public static async Task<int> ListAsync(StackAddresses stack, TextWriter output, CancellationToken cancellationToken)
    {
        await using var broker = Connect(stack);
        var counts = await ErrorQueues.CountAsync(broker, cancellationToken);
        var width = counts.Max(c => c.ErrorQueue.Length);
        foreach (var (queue, messages) in counts)
        {
            await output.WriteLineAsync($"{queue.PadRight(width)}  {messages}");
        }
        await output.WriteLineAsync($"{counts.Sum(c => c.Messages)} messages in error queues.");
        return 0;
    }

    /// <summary>Moves the messages of one error queue (or of every one) back to its queue.</summary>
    public static async Task<int> DrainAsync(StackAddresses stack, string? queue, TextWriter output, CancellationToken cancellationToken)
    {
        await using var broker = Connect(stack);
        IEnumerable<string> queues = queue is null
            ? EventSubscribers.All.Select(s => s.Queue)
            : [ErrorQueues.QueueOf(queue)];
        var total = 0;
        foreach (var name in queues)
        {
            int moved;
            try
            {
                moved = await ErrorQueues.DrainAsync(broker, name, cancellationToken);
            }
            catch (InvalidOperationException e)
            {
                throw new OpsException(e.Message);
            }
            if (moved > 0 || queue is not null)
            {
                await output.WriteLineAsync($"{name}_error: {moved} messages moved back to {name}.");
            }
            total += moved;
        }
        await output.WriteLineAsync($"{total} messages moved back; each is handled once (consumers de-duplicate by message id).");
        return 0;
    }

    private static BrokerConnection Connect(StackAddresses stack) => new(stack.BrokerUri(), "ksst ops");
}
