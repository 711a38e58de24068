using Ksst.Bench.Measurement;
using StackExchange.Redis;

namespace Ksst.Bench.Baselines;

/// <summary>The cache's ceiling: GET of a 1 KB value from the stack's own Redis.</summary>
public static class RedisBaseline
{
    /// <summary>Measures GETs of one 1 KB key at <paramref name="inFlight"/> concurrent callers.</summary>
    public static async Task<Measured> RunAsync(BenchOptions options, string connectionString, int inFlight, CancellationToken ct)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var db = redis.GetDatabase();
        var key = new RedisKey($"ksst:bench:{Guid.NewGuid():N}");
        await db.StringSetAsync(key, new byte[1024], TimeSpan.FromMinutes(10));
        async Task Call(long n, CancellationToken token)
        {
            var value = await db.StringGetAsync(key);
            if (value.IsNull)
            {
                throw new InvalidOperationException("The benchmark key vanished.");
            }
        }
        try
        {
            await ClosedLoop.RunAsync("warm-up", inFlight, options.ShortWarmUp, Call, ct);
            return await ClosedLoop.RunAsync("Redis GET 1 KB", inFlight, options.Measure, Call, ct);
        }
        finally
        {
            await db.KeyDeleteAsync(key);
        }
    }
}
