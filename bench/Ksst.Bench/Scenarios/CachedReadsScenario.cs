using Grpc.Core;
using Grpc.Net.Client;
using Ksst.Bench.Measurement;
using Ksst.Bench.Stack;
using Ksst.Contracts.Scheduling.V1;
using SchedulingClient = Ksst.Contracts.Scheduling.V1.Scheduling.SchedulingClient;

namespace Ksst.Bench.Scenarios;

/// <summary>
/// Itinerary and agenda reads of the demo batch (batch 3, 2018: 39 sessions, 15 confirmed
/// participants in four groups) at 32 in flight, with the hit ratio read from Scheduling's own
/// cache counters over the measured interval.
/// </summary>
public static class CachedReadsScenario
{
    /// <summary>The demo batch.</summary>
    public const string BatchId = "ksst-sme-2018";

    /// <summary>A measurement and the cache hit ratio (0–1) over it.</summary>
    public sealed record Result(Measured Reads, double HitRatio, double Hits, double Misses, Dictionary<string, double> CpuMsPerRead, int ResponseBytes);

    /// <summary>Measures itinerary reads, then agenda reads.</summary>
    public static async Task<IReadOnlyList<Result>> RunAsync(BenchOptions options, GrpcChannel channel, int schedulingPid, int inFlight, CancellationToken ct)
    {
        var scheduling = new SchedulingClient(channel);
        var participants = await ParticipantsAsync(scheduling, ct);
        await using var meter = MeterReader.Start(schedulingPid, "Ksst.Scheduling");

        Task Itinerary(long n, CancellationToken token) =>
            scheduling.GetItineraryAsync(new GetItineraryRequest { BatchId = BatchId, NominationId = participants[(int)(n % participants.Count)] }, cancellationToken: token).ResponseAsync;
        Task Agenda(long n, CancellationToken token) =>
            scheduling.GetAgendaAsync(new GetAgendaRequest { BatchId = BatchId }, cancellationToken: token).ResponseAsync;

        await ClosedLoop.RunAsync("warm-up", inFlight, options.WarmUp, Itinerary, ct);
        var (itinerarySize, agendaSize) = await ResponseSizesAsync(channel, ct);
        return
        [
            await MeasureAsync(options, meter, "itinerary", "Cached itinerary read", inFlight, Itinerary, ct) with { ResponseBytes = itinerarySize },
            await MeasureAsync(options, meter, "agenda", "Cached agenda read", inFlight, Agenda, ct) with { ResponseBytes = agendaSize },
        ];
    }

    private static async Task<Result> MeasureAsync(BenchOptions options, MeterReader meter, string view, string name, int inFlight, Func<long, CancellationToken, Task> read, CancellationToken ct)
    {
        // Counters publish once a second: let the previous interval land before and after.
        await Task.Delay(TimeSpan.FromSeconds(2.5), ct);
        var (hits0, misses0) = (meter.Total("ksst.scheduling.cache.hits", $"view={view}"), meter.Total("ksst.scheduling.cache.misses", $"view={view}"));
        var cpu = ProcessCpu.Snapshot();
        var measured = await ClosedLoop.RunAsync(name, inFlight, options.Measure, read, ct);
        var cpuPerRead = ProcessCpu.PerOperation(cpu, ProcessCpu.Snapshot(), measured.Count);
        await Task.Delay(TimeSpan.FromSeconds(2.5), ct);
        var hits = meter.Total("ksst.scheduling.cache.hits", $"view={view}") - hits0;
        var misses = meter.Total("ksst.scheduling.cache.misses", $"view={view}") - misses0;
        return new Result(measured, hits + misses == 0 ? 0 : hits / (hits + misses), hits, misses, cpuPerRead, 0);
    }

    /// <summary>The serialised size of an itinerary and of the agenda of the demo batch.</summary>
    public static async Task<(int Itinerary, int Agenda)> ResponseSizesAsync(GrpcChannel channel, CancellationToken ct)
    {
        var scheduling = new SchedulingClient(channel);
        var participants = await ParticipantsAsync(scheduling, ct);
        var itinerary = await scheduling.GetItineraryAsync(new GetItineraryRequest { BatchId = BatchId, NominationId = participants[0] }, cancellationToken: ct);
        var agenda = await scheduling.GetAgendaAsync(new GetAgendaRequest { BatchId = BatchId }, cancellationToken: ct);
        return (itinerary.CalculateSize(), agenda.CalculateSize());
    }

    /// <summary>The demo batch's confirmed participants, once Scheduling's roster has them in groups.</summary>
    private static async Task<List<string>> ParticipantsAsync(SchedulingClient scheduling, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var roster = await scheduling.ListRosterAsync(new ListRosterRequest { BatchId = BatchId }, cancellationToken: ct);
            var grouped = roster.Entries.Where(e => e.Group.Length > 0).Select(e => e.NominationId).ToList();
            if (grouped.Count > 0)
            {
                try
                {
                    await scheduling.GetItineraryAsync(new GetItineraryRequest { BatchId = BatchId, NominationId = grouped[0] }, cancellationToken: ct);
                    return grouped;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && DateTime.UtcNow < deadline)
                {
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Scheduling has no grouped participants of {BatchId} after 90 s.");
            }
            await Task.Delay(500, ct);
        }
    }
}
