using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.FaultRun.Load;

/// <summary>
/// Nominations at a steady rate, open loop: nomination <c>n</c> is due at start + n / rate whatever
/// earlier answers were, with at most <see cref="FaultRunOptions.MaxInFlight"/> outstanding (beyond
/// it the next waits for a slot, and the schedule falls behind; how far is reported). A call that
/// fails because the service is away is retried with the same request id, as a client should.
/// </summary>
public sealed class NominationLoad(FaultRunOptions options, Nominees nominees, NominationsClient registration)
{
    /// <summary>Errors of a service that is away, restarting or overloaded: worth another try with the same request id.</summary>
    private static readonly HashSet<StatusCode> Transient =
        [StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.Internal, StatusCode.Unknown, StatusCode.Aborted, StatusCode.ResourceExhausted];

    private readonly ConcurrentDictionary<int, NominationOutcome> _outcomes = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private long _attempts;
    private TimeSpan _maxLag;

    /// <summary>Sends every nomination; returns when each has an answer or has run out of attempts.</summary>
    public async Task<LoadResult> RunAsync(TextWriter log, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(options.MaxInFlight);
        var calls = new List<Task>(options.Nominations);
        var reportEvery = Math.Max(1, (int)(options.Rate * 60)); // about once a minute
        for (var n = 0; n < options.Nominations; n++)
        {
            var due = TimeSpan.FromSeconds(n / options.Rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, ct);
            }
            await slots.WaitAsync(ct);
            var lag = clock.Elapsed - due;
            if (lag > _maxLag)
            {
                _maxLag = lag;
            }
            var number = n;
            calls.Add(Task.Run(async () =>
            {
                try
                {
                    _outcomes[number] = await NominateAsync(number, ct);
                }
                finally
                {
                    slots.Release();
                }
            }, CancellationToken.None));
            if (n > 0 && n % reportEvery == 0)
            {
                log.WriteLine($"{Durations.Now} load: {n:N0} of {options.Nominations:N0} sent, {options.MaxInFlight - slots.CurrentCount} in flight, {Accepted:N0} accepted so far.");
            }
        }
        await Task.WhenAll(calls);
        return new LoadResult(started, DateTimeOffset.UtcNow, options.Nominations, Interlocked.Read(ref _attempts), _maxLag,
            _outcomes.OrderBy(o => o.Key).Select(o => o.Value).ToList(), new Dictionary<string, int>(_errors));
    }

    private int Accepted => _outcomes.Values.Count(o => o.Kind == OutcomeKind.Accepted);

    private async Task<NominationOutcome> NominateAsync(int n, CancellationToken ct)
    {
        var request = nominees.Nomination(n);
        RpcException? last = null;
        for (var attempt = 1; attempt <= options.Attempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt - 2)), ct);
            }
            Interlocked.Increment(ref _attempts);
            try
            {
                var nomination = await registration.NominateAsync(request, deadline: DateTime.UtcNow + options.CallDeadline, cancellationToken: ct);
                return new NominationOutcome(n, request.BatchId, request.Participant.Email, OutcomeKind.Accepted, attempt, nomination.NominationId, nomination.Status, null);
            }
            catch (RpcException e) when (!ct.IsCancellationRequested)
            {
                _errors.AddOrUpdate(e.StatusCode.ToString(), 1, (_, count) => count + 1);
                last = e;
                if (!Transient.Contains(e.StatusCode))
                {
                    return new NominationOutcome(n, request.BatchId, request.Participant.Email, OutcomeKind.Refused, attempt, null, null, $"{e.StatusCode}: {e.Status.Detail}");
                }
            }
        }
        return new NominationOutcome(n, request.BatchId, request.Participant.Email, OutcomeKind.GaveUp, options.Attempts, null, null, $"{last!.StatusCode}: {last.Status.Detail}");
    }
}

/// <summary>How one nomination's calls ended.</summary>
public enum OutcomeKind
{
    /// <summary>An OK answer: Registration says it holds the nomination.</summary>
    Accepted,
    /// <summary>A caller's-mistake answer to a valid nomination (none is expected).</summary>
    Refused,
    /// <summary>Every attempt failed because the service was away.</summary>
    GaveUp,
}

/// <summary>One nomination of the run and how its calls ended.</summary>
/// <param name="Number">Its number in the run.</param>
/// <param name="BatchId">The batch it was sent to.</param>
/// <param name="Email">The participant's address.</param>
/// <param name="Kind">How it ended.</param>
/// <param name="Attempts">Calls made.</param>
/// <param name="NominationId">The id in the OK answer.</param>
/// <param name="Status">The status in the OK answer.</param>
/// <param name="Error">The last error, when not accepted.</param>
public sealed record NominationOutcome(int Number, string BatchId, string Email, OutcomeKind Kind, int Attempts, string? NominationId, NominationStatus? Status, string? Error);

/// <summary>What the load sent and what came back.</summary>
/// <param name="Started">When the first nomination was due.</param>
/// <param name="Ended">When the last answer came.</param>
/// <param name="Nominations">Nominations sent.</param>
/// <param name="Calls">Calls made, retries included.</param>
/// <param name="MaxLag">How far behind its schedule a nomination started at worst (waiting for a slot).</param>
/// <param name="Outcomes">Every nomination's outcome, by number.</param>
/// <param name="Errors">Failed calls by status code.</param>
public sealed record LoadResult(DateTimeOffset Started, DateTimeOffset Ended, int Nominations, long Calls, TimeSpan MaxLag,
    IReadOnlyList<NominationOutcome> Outcomes, IReadOnlyDictionary<string, int> Errors)
{
    /// <summary>The nominations with an OK answer.</summary>
    public IEnumerable<NominationOutcome> Accepted => Outcomes.Where(o => o.Kind == OutcomeKind.Accepted);
}
