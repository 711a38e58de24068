using System.Diagnostics;
using System.Threading.Channels;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Ksst.Platform.Audit;
using Ksst.Platform.Sqlite;
using Ksst.Registration.Data;

namespace Ksst.Registration.Nominations;

/// <summary>
/// Group commit for Nominate: calls queue here, and one writer takes everything waiting (up to
/// <see cref="MaxGroup"/>) into a single unit of work — one
/// lookup of the batches, one duplicate query, one save and one commit for the whole group.
/// Each call still gets its own answer: a refused nomination fails alone, and if the group's
/// commit itself fails the nominations are written again one by one so only the culprit fails.
/// Nothing is answered before it is committed, with its event in the outbox. Each nomination's
/// audit entries name its own caller and RPC, not the writer's.
/// </summary>
internal sealed partial class NominationIntake(IServiceScopeFactory scopes, AuditActors actors, TimeProvider clock, ILogger<NominationIntake> logger)
    : BackgroundService
{
    /// <summary>The most nominations one transaction takes.</summary>
    public const int MaxGroup = 128;

    internal static readonly ActivitySource Source = new("Ksst.Registration.Nominations");
    private static RpcException ShuttingDown() => new(new Status(StatusCode.Unavailable, "Registration is shutting down; nothing was stored. Try again."));
    private readonly Channel<PendingNomination> _queue = Channel.CreateUnbounded<PendingNomination>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Checks the request's fields, then waits until the nomination is committed (or refused).</summary>
    public async Task<Nomination> NominateAsync(NominateRequest request, CancellationToken ct)
    {
        NominationRules.Check(request).ThrowIfAny();
        var pending = new PendingNomination(request, Activity.Current, actors.Current());
        if (!_queue.Writer.TryWrite(pending)) // the queue is unbounded: only closed when shutting down
        {
            throw ShuttingDown();
        }
        return await pending.Outcome.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<PendingNomination>(MaxGroup);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                group.Clear();
                while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next))
                {
                    group.Add(next);
                }
                await WriteAsync(group, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever still waits is answered below.
        }
        _queue.Writer.TryComplete();
        group.ForEach(p => p.Outcome.TrySetException(ShuttingDown()));
        while (_queue.Reader.TryRead(out var left))
        {
            left.Outcome.TrySetException(ShuttingDown());
        }
    }

    private async Task WriteAsync(IReadOnlyList<PendingNomination> group, CancellationToken ct)
    {
        try
        {
            await WriteGroupAsync(group, ct);
        }
        catch (Exception ex) when (group.Count > 1 && !ct.IsCancellationRequested)
        {
            LogGroupFailed(group.Count, ex);
            foreach (var one in group.Where(p => !p.Outcome.Task.IsCompleted))
            {
                await WriteAsync([one], ct);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            foreach (var pending in group)
            {
                pending.Outcome.TrySetException(ex);
            }
        }
    }

    private async Task WriteGroupAsync(IReadOnlyList<PendingNomination> group, CancellationToken ct)
    {
        using var activity = Source.StartActivity("nominations group commit", ActivityKind.Internal, parentContext: default,
            links: group.Where(p => p.Caller is not null).Select(p => new ActivityLink(p.Caller!.Context)));
        activity?.SetTag("ksst.nominations.group_size", group.Count);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistrationDbContext>();
        await scope.ServiceProvider.GetRequiredService<UnitOfWork<RegistrationDbContext>>().RunAsync(async after =>
        {
            var staged = await new NominationGroup(db, clock.GetUtcNow()).StageAsync(group, ct);
            after.Then(() =>
            {
                foreach (var (pending, nomination) in staged)
                {
                    pending.Outcome.TrySetResult(nomination);
                }
            });
        }, ct);
    }

    [LoggerMessage(LogLevel.Warning, "A group of {Count} nominations failed to commit; writing them one by one.")]
    private partial void LogGroupFailed(int count, Exception ex);
}

/// <summary>A nomination waiting for the writer, the caller's trace and audit actor, and where its answer goes.</summary>
internal sealed record PendingNomination(NominateRequest Request, Activity? Caller, AuditActor Actor)
{
    /// <summary>The stored nomination, or why it was refused.</summary>
    public TaskCompletionSource<Nomination> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
