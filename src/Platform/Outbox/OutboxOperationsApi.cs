using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Operations.V1;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Platform.Outbox;

/// <summary>The outbox's operator API over gRPC (and JSON): a thin adapter over <see cref="OutboxCommands{TContext}"/>.</summary>
internal sealed class OutboxOperationsApi<TContext>(OutboxCommands<TContext> commands) : OutboxOperations.OutboxOperationsBase
    where TContext : DbContext
{
    public override async Task<ListOutboxEventsResponse> ListOutboxEvents(ListOutboxEventsRequest request, ServerCallContext context)
    {
        var dead = request.State switch
        {
            OutboxEventState.Pending => false,
            OutboxEventState.Unspecified or OutboxEventState.Dead => true,
            _ => throw RpcErrors.InvalidArgument("state", $"Unknown state {(int)request.State}."),
        };
        var (rows, total) = await commands.ListAsync(dead, context.CancellationToken);
        return new ListOutboxEventsResponse { Events = { rows.Select(ToApi) }, Total = total };
    }

    public override async Task<RetryDeadEventsResponse> RetryDeadEvents(RetryDeadEventsRequest request, ServerCallContext context)
    {
        var retried = (request.EventId.Length > 0, request.All) switch
        {
            (true, false) => await commands.RetryAsync(RequestFields.RequireId(request.EventId, "event_id"), context.CancellationToken),
            (false, true) => await commands.RetryAllAsync(context.CancellationToken),
            (true, true) => throw RpcErrors.InvalidArgument("all", "Name one event (event_id) or set all, not both."),
            (false, false) => throw RpcErrors.InvalidArgument("event_id", "Name the dead event to retry, or set all."),
        };
        return new RetryDeadEventsResponse { Retried = retried };
    }

    private static OutboxEvent ToApi(OutboxMessage row)
    {
        var api = new OutboxEvent
        {
            EventId = row.Id.ToString(),
            Type = row.Type,
            CreatedAt = Timestamp.FromDateTimeOffset(row.CreatedAt),
            Attempts = row.Attempts,
            LastError = row.LastError ?? "",
            NextAttemptAt = Timestamp.FromDateTimeOffset(row.NextAttemptAt),
            State = row.DeadAt is null ? OutboxEventState.Pending : OutboxEventState.Dead,
        };
        if (row.DeadAt is { } deadAt)
        {
            api.DeadAt = Timestamp.FromDateTimeOffset(deadAt);
        }
        return api;
    }
}
