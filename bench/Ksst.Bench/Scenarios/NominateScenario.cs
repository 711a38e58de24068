using Grpc.Net.Client;
using Ksst.Bench.Measurement;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using ProgrammesClient = Ksst.Contracts.Registration.V1.Programmes.ProgrammesClient;

namespace Ksst.Bench.Scenarios;

/// <summary>
/// Nominate's throughput and latency, closed loop, at each concurrency: every call a new,
/// valid nomination (its own passport and email) to an open batch, one fresh batch per level.
/// </summary>
public static class NominateScenario
{
    /// <summary>Runs a warm-up, then one measurement per level in <paramref name="levels"/>.</summary>
    public static async Task<IReadOnlyList<Measured>> RunAsync(BenchOptions options, GrpcChannel registration, IEnumerable<int> levels, CancellationToken ct)
    {
        var programmes = new ProgrammesClient(registration);
        var nominations = new NominationsClient(registration);
        async Task<Measured> Level(string label, int inFlight, TimeSpan duration)
        {
            var batchId = await BenchBatches.OpenAsync(programmes, label, ct);
            return await ClosedLoop.RunAsync("Nominate", inFlight, duration,
                (n, token) => nominations.NominateAsync(BenchBatches.Nomination(batchId, n), cancellationToken: token).ResponseAsync, ct);
        }

        await Level("nominate-warm-up", 32, options.WarmUp);
        var results = new List<Measured>();
        foreach (var level in levels)
        {
            results.Add(await Level($"nominate-{level}", level, options.Measure));
        }
        return results;
    }
}
