using System.Diagnostics;
using Grpc.Net.Client;
using Ksst.Bench.Measurement;
using Microsoft.Data.Sqlite;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using ProgrammesClient = Ksst.Contracts.Registration.V1.Programmes.ProgrammesClient;

namespace Ksst.Bench.Scenarios;

/// <summary>
/// Nomination committed → email accepted by the SMTP server, at a fixed rate of nominations.
/// The latency is read from what the system records: the nomination's time in Registration's
/// database and each email's sent time in Notifications' delivery log (both UTC ticks).
/// </summary>
public static class CommitToEmailScenario
{
    /// <summary>Nominates at <paramref name="rate"/> per second, waits (bounded) for every email, then reads the timestamps.</summary>
    public static async Task<Measured> RunAsync(BenchOptions options, GrpcChannel registration, string dataRoot, int rate, CancellationToken ct)
    {
        var batchId = await BenchBatches.OpenAsync(new ProgrammesClient(registration), $"email-{rate}", ct);
        var nominations = new NominationsClient(registration);
        var clock = Stopwatch.StartNew();
        var run = await FixedRate.RunAsync(rate, options.Measure, (n, token) =>
            nominations.NominateAsync(BenchBatches.Nomination(batchId, n), cancellationToken: token).ResponseAsync, ct);
        var offered = clock.Elapsed.TotalSeconds;

        var (sent, unsent) = await DrainAsync(dataRoot, batchId, run.Started - run.Failed - run.Refused, options.DrainTimeout, ct);
        var latencies = new Latencies();
        foreach (var ticks in await ReadLatenciesAsync(dataRoot, batchId, ct))
        {
            latencies.Add(TimeSpan.FromTicks(ticks));
        }
        return new Measured("Committed → email", $"{rate}/s", latencies.Count, run.Failed + run.Refused + unsent, offered, sent / clock.Elapsed.TotalSeconds, latencies.Summarise(), run.FirstError);
    }

    /// <summary>Waits until every nomination has its emails and none is unsent; returns sent and unsent counts.</summary>
    private static async Task<(long Sent, long Unsent)> DrainAsync(string dataRoot, string batchId, long nominated, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = await OpenAsync(dataRoot, ct);
            await using var command = db.CreateCommand();
            command.CommandText = """
                SELECT COUNT(DISTINCT NominationId), COALESCE(SUM(SentAt IS NOT NULL), 0), COALESCE(SUM(SentAt IS NULL), 0)
                FROM deliveries WHERE BatchId = $batch
                """;
            command.Parameters.AddWithValue("$batch", batchId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var (covered, sent, unsent) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            if ((covered >= nominated && unsent == 0) || DateTime.UtcNow > deadline)
            {
                return (sent, unsent + Math.Max(0, nominated - covered));
            }
            await Task.Delay(500, ct);
        }
    }

    /// <summary>Sent time minus nomination time of every email sent about the batch, in ticks.</summary>
    private static async Task<List<long>> ReadLatenciesAsync(string dataRoot, string batchId, CancellationToken ct)
    {
        await using var db = await OpenAsync(dataRoot, ct);
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT d.SentAt - n.NominatedAt FROM deliveries d JOIN registration.nominations n ON n.Id = d.NominationId
            WHERE d.BatchId = $batch AND d.SentAt IS NOT NULL
            """;
        command.Parameters.AddWithValue("$batch", batchId);
        var latencies = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            latencies.Add(reader.GetInt64(0));
        }
        return latencies;
    }

    /// <summary>Notifications' database read-only, with Registration's attached.</summary>
    private static async Task<SqliteConnection> OpenAsync(string dataRoot, CancellationToken ct)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataRoot, "notifications.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await db.OpenAsync(ct);
        await using var attach = db.CreateCommand();
        attach.CommandText = "ATTACH DATABASE $path AS registration";
        attach.Parameters.AddWithValue("$path", Path.Combine(dataRoot, "registration.db"));
        await attach.ExecuteNonQueryAsync(ct);
        return db;
    }
}
