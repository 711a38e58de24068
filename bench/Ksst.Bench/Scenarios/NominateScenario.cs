using Grpc.Net.Client;
using Ksst.Bench.Measurement;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using ProgrammesClient = Ksst.Contracts.Registration.V1.Programmes.ProgrammesClient;

namespace Ksst.Bench.Scenarios;

/// <summary>
/// Nominate's throughput and latency, closed loop, at a given concurrency: every call a new,
/// valid nomination (its own passport and email) to an open batch, one fresh batch per level.
/// </summary>
public sealed class NominateScenario(GrpcChannel registration)
{
    private readonly ProgrammesClient _programmes = new(registration);
    private readonly NominationsClient _nominations = new(registration);

    /// <summary>Nominates at 32 in flight for the warm-up time, unmeasured.</summary>
    public Task WarmUpAsync(BenchOptions options, CancellationToken ct) => RunAsync("nominate-warm-up", 32, options.WarmUp, ct);

    /// <summary>One measurement at <paramref name="inFlight"/> calls in flight.</summary>
    public Task<Measured> MeasureAsync(BenchOptions options, int inFlight, CancellationToken ct) => RunAsync($"nominate-{inFlight}", inFlight, options.Measure, ct);

    private async Task<Measured> RunAsync(string label, int inFlight, TimeSpan duration, CancellationToken ct)
    {
        var batchId = await BenchBatches.OpenAsync(_programmes, label, ct);
        return await ClosedLoop.RunAsync("Nominate", inFlight, duration,
            (n, token) => _nominations.NominateAsync(BenchBatches.Nomination(batchId, n), cancellationToken: token).ResponseAsync, ct);
    }
}
