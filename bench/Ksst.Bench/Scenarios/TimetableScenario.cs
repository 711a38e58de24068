using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Ksst.Bench.Measurement;
using Ksst.Contracts.Scheduling.V1;
using Ksst.Scheduling.Sessions;
using SchedulingClient = Ksst.Contracts.Scheduling.V1.Scheduling.SchedulingClient;

namespace Ksst.Bench.Scenarios;

/// <summary>
/// The timetable checks at scale, in process with Scheduling's own <see cref="TimetableIndex"/>:
/// one session change checked against a generated 10,000-session timetable, and a full
/// validation (every session checked against all others). Then the same dry run end to end,
/// as CheckSession over gRPC against the running stack's demo batch.
/// </summary>
public static class TimetableScenario
{
    /// <summary>Sessions in the generated timetable.</summary>
    public const int Size = 10_000;

    /// <summary>The in-process figures.</summary>
    public sealed record Result(Measured OneChange, double BuildMs, double FullValidationMs, int FullValidationConflicts);

    /// <summary>Builds the index, then times single-change checks and full validations.</summary>
    public static Result RunInProcess(BenchOptions options)
    {
        var sessions = GeneratedTimetable.Create(Size);
        var build = Stopwatch.StartNew();
        var index = new TimetableIndex(TravelMatrix.WestJava());
        sessions.ForEach(index.Put);
        var buildMs = build.Elapsed.TotalMilliseconds;

        var random = new Random(7);
        PlannedSession Change()
        {
            var s = sessions[random.Next(sessions.Count)];
            return s with { Start = s.Start.AddMinutes(15), End = s.End.AddMinutes(15) };
        }

        // Warm-up: let tiered JIT settle on the check path.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < options.ShortWarmUp)
        {
            index.Check(Change());
        }

        var latencies = new Latencies();
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed < options.Measure)
        {
            var proposal = Change();
            var before = Stopwatch.GetTimestamp();
            index.Check(proposal);
            latencies.Add(Stopwatch.GetTimestamp() - before);
            count++;
        }
        var oneChange = new Measured($"One change vs {Size:N0} sessions (in process)", "1 thread", count, 0, clock.Elapsed.TotalSeconds, count / clock.Elapsed.TotalSeconds, latencies.Summarise());

        var runs = new List<double>();
        var conflicts = 0;
        for (var i = 0; i < 3; i++)
        {
            var full = Stopwatch.StartNew();
            conflicts = sessions.Sum(s => index.Check(s).Count);
            runs.Add(full.Elapsed.TotalMilliseconds);
        }
        runs.Sort();
        return new Result(oneChange, buildMs, runs[1], conflicts);
    }

    /// <summary>CheckSession (a dry-run change of one demo session) over gRPC, one call at a time.</summary>
    public static async Task<Measured> RunRpcAsync(BenchOptions options, GrpcChannel scheduling, CancellationToken ct)
    {
        var client = new SchedulingClient(scheduling);
        var sessions = (await client.ListSessionsAsync(new ListSessionsRequest { BatchId = CachedReadsScenario.BatchId }, cancellationToken: ct)).Sessions;
        Task Check(long n, CancellationToken token)
        {
            var session = sessions[(int)(n % sessions.Count)].Clone();
            session.Start = Timestamp.FromDateTimeOffset(session.Start.ToDateTimeOffset().AddMinutes(15));
            session.End = Timestamp.FromDateTimeOffset(session.End.ToDateTimeOffset().AddMinutes(15));
            return client.CheckSessionAsync(new CheckSessionRequest { Session = session }, cancellationToken: token).ResponseAsync;
        }
        await ClosedLoop.RunAsync("warm-up", 1, options.ShortWarmUp, Check, ct);
        return await ClosedLoop.RunAsync("CheckSession RPC (demo batch)", 1, options.Measure, Check, ct);
    }
}
