using Google.Protobuf;
using Ksst.Bench.Measurement;
using Ksst.StackHarness;

namespace Ksst.Bench.Baselines;

/// <summary>The echo server's throughput and latency at each concurrency the scenarios use.</summary>
public static class EchoBaseline
{
    /// <summary>
    /// Measures the echo at each of <paramref name="levels"/>, after a warm-up; then at 32 in flight
    /// with replies of each of <paramref name="replySizes"/> bytes (like-sized ceilings for reads).
    /// </summary>
    public static async Task<(IReadOnlyList<Measured> Levels, IReadOnlyDictionary<int, Measured> Replies)> RunAsync(
        BenchOptions options, int payloadBytes, IEnumerable<int> levels, IEnumerable<int> replySizes, CancellationToken ct)
    {
        await using var server = await EchoProcess.StartAsync(ct);
        using var channel = Channels.Create(server.Address);
        var client = new Echo.EchoClient(channel);
        var payload = new EchoMessage { Payload = ByteString.CopyFrom(new byte[payloadBytes]) };
        Task Call(long n, CancellationToken token) => client.EchoAsync(payload, cancellationToken: token).ResponseAsync;

        await ClosedLoop.RunAsync("warm-up", 32, options.WarmUp, Call, ct);
        var results = new List<Measured>();
        foreach (var level in levels)
        {
            results.Add(await ClosedLoop.RunAsync("gRPC echo", level, options.Measure, Call, ct));
        }
        var replies = new Dictionary<int, Measured>();
        foreach (var size in replySizes)
        {
            var ask = new EchoMessage { Payload = payload.Payload, ReplyBytes = size };
            replies[size] = await ClosedLoop.RunAsync($"gRPC echo, {size:N0}-byte replies", 32, options.Measure,
                (n, token) => client.EchoAsync(ask, cancellationToken: token).ResponseAsync, ct);
        }
        return (results, replies);
    }
}
