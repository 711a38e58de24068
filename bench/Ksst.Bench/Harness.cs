using Ksst.Bench.Baselines;
using Ksst.Bench.Measurement;
using Ksst.Bench.Report;
using Ksst.Bench.Scenarios;
using Ksst.Bench.Stack;
using Ksst.StackHarness;

namespace Ksst.Bench;

/// <summary>
/// One run: the in-process timetable checks, then the stack is started (timed), the baselines are
/// measured beside it, then each scenario against it; the report is written and the stack stopped.
/// </summary>
public static class Harness
{
    private static readonly int[] Levels = [1, 8, 32, 64];
    private static readonly int[] Rates = [200, 500];

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = Machine.Describe();
        var rows = new List<Row>();
        var timetableFigures = new Dictionary<string, double>();
        Log($"Machine: {machine.Cores} cores, {machine.CpuModel}.");

        if (options.Runs("timetable"))
        {
            Log("Timetable checks in process…");
            var timetable = TimetableScenario.RunInProcess(options);
            rows.Add(new Row("scenario", timetable.OneChange, Target: "< 1 ms (p99)", Met: timetable.OneChange.Latency.P99 < 1));
            timetableFigures["sessions"] = TimetableScenario.Size;
            timetableFigures["index build (ms)"] = Math.Round(timetable.BuildMs, 2);
            timetableFigures["one change p50 (µs)"] = Math.Round(timetable.OneChange.Latency.P50 * 1000, 1);
            timetableFigures["one change p99 (µs)"] = Math.Round(timetable.OneChange.Latency.P99 * 1000, 1);
            timetableFigures["full validation (ms, median of 3)"] = Math.Round(timetable.FullValidationMs, 1);
            timetableFigures["full validation conflicts"] = timetable.FullValidationConflicts;
        }

        Log("Starting the stack (Release, local mode)…");
        await using var stack = await LocalStack.StartAsync(new LocalStackOptions { Label = "bench", Settings = [.. LocalStack.NoTelemetryExport] }, ct);
        var pids = LocalStack.Services.Keys.ToDictionary(service => service, stack.ServiceProcess);
        await using var memory = new MemorySampler(pids);
        var idle = memory.Now();
        var registration = stack.DirectChannel("registration");
        var scheduling = stack.DirectChannel("scheduling");

        var echo = new Dictionary<int, Measured>();
        IReadOnlyDictionary<int, Measured> echoReplies = new Dictionary<int, Measured>();
        if (options.Runs("echo"))
        {
            Log("Baseline: gRPC echo…");
            var payload = BenchBatches.Nomination("bench-0-payload", 1_000_000).CalculateSize();
            var (itinerarySize, agendaSize) = await CachedReadsScenario.ResponseSizesAsync(scheduling, ct);
            Log($"Echo payload: {payload} bytes (a serialised Nominate request); also replies of {itinerarySize} and {agendaSize} bytes (an itinerary, the agenda).");
            var (levels, replies) = await EchoBaseline.RunAsync(options, payload, Levels, [itinerarySize, agendaSize], ct);
            foreach (var (result, level) in levels.Zip(Levels))
            {
                echo[level] = result;
                rows.Add(new Row("baseline", result));
            }
            echoReplies = replies;
            rows.AddRange(replies.Values.Select(r => new Row("baseline", r)));
        }

        if (options.Runs("redis"))
        {
            Log("Baseline: Redis GET…");
            rows.Add(new Row("baseline", await RedisBaseline.RunAsync(options, await stack.ConnectionStringAsync("cache", ct), 32, ct)));
        }

        var hops = new Dictionary<int, Measured>();
        if (options.Runs("rabbitmq"))
        {
            Log("Baseline: RabbitMQ hop…");
            foreach (var rate in Rates)
            {
                hops[rate] = await RabbitHopBaseline.RunAsync(options, await stack.ConnectionStringAsync("messaging", ct), rate, ct);
                rows.Add(new Row("baseline", hops[rate]));
            }
        }

        var cpu = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        if (options.Runs("reads"))
        {
            Log("Scenario: cached reads…");
            foreach (var read in await CachedReadsScenario.RunAsync(options, scheduling, pids["scheduling"], 32, ct))
            {
                var itinerary = read.Reads.Name.Contains("itinerary", StringComparison.Ordinal);
                cpu[$"{read.Reads.Name} @ {read.Reads.Load} (per read)"] = read.CpuMsPerRead;
                var sameSize = echoReplies.GetValueOrDefault(read.ResponseBytes) is { Throughput: > 0 } like
                    ? $"; {read.Reads.Throughput / like.Throughput:0.###}× echo with {read.ResponseBytes:N0}-byte replies"
                    : "";
                rows.Add(Compare(read.Reads, echo.GetValueOrDefault(32),
                    itinerary ? "≥ 0.6× echo ops/s, hit ratio ≥ 95 %" : null,
                    itinerary ? (throughput, _) => throughput >= 0.6 && read.HitRatio >= 0.95 : null,
                    $"hit ratio {read.HitRatio:P1}: {read.Hits:0} hits, {read.Misses:0} misses; {read.ResponseBytes:N0}-byte responses{sameSize}"));
            }
        }

        if (options.Runs("check"))
        {
            Log("Scenario: CheckSession over gRPC…");
            rows.Add(Compare(await TimetableScenario.RunRpcAsync(options, scheduling, ct), echo.GetValueOrDefault(1)));
        }

        if (options.Runs("email"))
        {
            Log("Scenario: committed → email…");
            foreach (var rate in Rates)
            {
                var before = ProcessCpu.Snapshot();
                var email = await CommitToEmailScenario.RunAsync(options, registration, stack.DataRoot, rate, ct);
                cpu[$"Nomination → email @ {rate}/s (per email, from nomination until sent)"] = ProcessCpu.PerOperation(before, ProcessCpu.Snapshot(), email.Count);
                rows.Add(Compare(email, hops.GetValueOrDefault(rate), rate == 500 ? "p99 ≤ 4× RabbitMQ hop p99" : null, rate == 500 ? (_, p99) => p99 <= 4 : null));
            }
        }

        var peak = new Dictionary<string, double>();
        if (options.Runs("nominate"))
        {
            Log("Scenario: Nominate…");
            var nominate = new NominateScenario(registration);
            await nominate.WarmUpAsync(options, ct);
            memory.Reset();
            foreach (var level in Levels)
            {
                var before = ProcessCpu.Snapshot();
                var result = await nominate.MeasureAsync(options, level, ct);
                cpu[$"Nominate @ {level} in flight (per call, during the call's measurement)"] = ProcessCpu.PerOperation(before, ProcessCpu.Snapshot(), result.Count);
                rows.Add(Compare(result, echo.GetValueOrDefault(level),
                    level == 32 ? "≥ 0.15× echo ops/s, p99 ≤ 20 ms" : null,
                    level == 32 ? (throughput, _) => throughput >= 0.15 && result.Latency.P99 <= 20 : null));
            }
            peak = memory.Peak().ToDictionary(p => p.Key, p => Math.Round(p.Value));
        }

        var report = new BenchReport(startedAt, machine, options, rows,
            stack.HealthyAfter.ToDictionary(h => h.Key, h => Math.Round(h.Value.TotalSeconds, 1)),
            idle.ToDictionary(i => i.Key, i => Math.Round(i.Value)),
            peak,
            timetableFigures,
            cpu);
        var markdown = await ReportWriter.WriteAsync(report, options.OutputDirectory);
        Console.WriteLine(markdown);
        Log($"Reports written to {Path.GetFullPath(options.OutputDirectory)} (latest.md, latest.json). Stopping the stack…");
        return 0;
    }

    /// <summary>A scenario row, compared with its baseline when that was measured in this run.</summary>
    private static Row Compare(Measured measured, Measured? baseline, string? target = null, Func<double, double, bool>? met = null, string? note = null) =>
        baseline is null
            ? new Row("scenario", measured, Target: target, Note: note)
            : Row.Against(measured, baseline, target, met, note);

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
