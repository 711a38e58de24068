using Grpc.Core;
using Grpc.Net.Client;
using Ksst.Contracts.Operations.V1;

namespace Ksst.Ops;

/// <summary>
/// <c>./ksst outbox</c>: a publishing service's outbox, through its operator API, as the demo
/// operator (its token from the identity service, with the stack's demo credentials).
/// </summary>
internal static class OutboxCommand
{
    private static readonly TimeSpan CallDeadline = DemoChannel.CallDeadline;

    private static Task<GrpcChannel> OperatorChannelAsync(StackAddresses stack, string service, CancellationToken ct) =>
        DemoChannel.ForAsync(stack, service, Contracts.Identity.DemoCredentials.OpsClient, ct);

    /// <summary>Prints the dead (or pending) events of <paramref name="service"/>'s outbox.</summary>
    public static async Task<int> ListAsync(StackAddresses stack, string service, bool pending, TextWriter output, CancellationToken cancellationToken)
    {
        using var channel = await OperatorChannelAsync(stack, service, cancellationToken);
        var state = pending ? OutboxEventState.Pending : OutboxEventState.Dead;
        var answer = await CallAsync(service, () => new OutboxOperations.OutboxOperationsClient(channel)
            .ListOutboxEventsAsync(new ListOutboxEventsRequest { State = state }, deadline: DateTime.UtcNow + CallDeadline, cancellationToken: cancellationToken).ResponseAsync);
        foreach (var e in answer.Events)
        {
            await output.WriteLineAsync($"{e.EventId}  {e.Type}  stored {e.CreatedAt.ToDateTimeOffset():u}  attempts {e.Attempts}  {e.LastError}");
        }
        await output.WriteLineAsync($"{answer.Total} {(pending ? "pending" : "dead")} events in the outbox of {service}{(answer.Total > answer.Events.Count ? $" (the oldest {answer.Events.Count} listed)" : "")}.");
        return 0;
    }

    /// <summary>Puts one dead event (or every one) of <paramref name="service"/> back to pending.</summary>
    public static async Task<int> RetryAsync(StackAddresses stack, string service, string? eventId, TextWriter output, CancellationToken cancellationToken)
    {
        using var channel = await OperatorChannelAsync(stack, service, cancellationToken);
        var request = eventId is null ? new RetryDeadEventsRequest { All = true } : new RetryDeadEventsRequest { EventId = eventId };
        var answer = await CallAsync(service, () => new OutboxOperations.OutboxOperationsClient(channel)
            .RetryDeadEventsAsync(request, deadline: DateTime.UtcNow + CallDeadline, cancellationToken: cancellationToken).ResponseAsync);
        await output.WriteLineAsync($"{answer.Retried} dead events of {service} are pending again; its relay publishes them now.");
        return 0;
    }

    private static async Task<T> CallAsync<T>(string service, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            throw new OpsException($"{service} has no outbox (only services that publish events have one).");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            throw new OpsException($"{service} does not answer: is it running?");
        }
    }
}
