using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using ProgrammesClient = Ksst.Contracts.Registration.V1.Programmes.ProgrammesClient;

namespace Ksst.Bench.Scenarios;

/// <summary>Open batches and valid, unique nominations for the load scenarios.</summary>
public static class BenchBatches
{
    private const string ProgrammeId = "bench";
    private static readonly DateOnly Start = new(2027, 9, 6);
    private static readonly string[] Countries = ["NP", "LK", "BD", "PK", "MY", "TH", "PH", "VN", "MM", "LA", "IN", "BT", "MV", "MN", "FJ", "PG"];
    private static int _number;

    /// <summary>Creates and opens a batch that takes every nomination the run sends it.</summary>
    public static async Task<string> OpenAsync(ProgrammesClient client, string label, CancellationToken ct)
    {
        try
        {
            await client.CreateProgrammeAsync(new CreateProgrammeRequest
            {
                Programme = new Programme { ProgrammeId = ProgrammeId, Name = "Benchmark programme" },
            }, cancellationToken: ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
        }
        var number = Interlocked.Increment(ref _number);
        var batch = await client.CreateBatchAsync(new CreateBatchRequest
        {
            Batch = new Batch
            {
                BatchId = $"bench-{number}-{label}",
                ProgrammeId = ProgrammeId,
                Number = number,
                Theme = $"Benchmark: {label}",
                HostCities = { "Jakarta", "Bandung" },
                StartDate = Start.ToString("yyyy-MM-dd"),
                EndDate = Start.AddDays(13).ToString("yyyy-MM-dd"),
                TimeZone = "Asia/Jakarta",
                Capacity = 20,
                CountryQuota = 2,
                NominationDeadline = Timestamp.FromDateTime(Start.AddDays(-30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            },
        }, cancellationToken: ct);
        await client.ChangeBatchStatusAsync(new ChangeBatchStatusRequest { BatchId = batch.BatchId, Status = BatchStatus.Open }, cancellationToken: ct);
        return batch.BatchId;
    }

    /// <summary>The <paramref name="n"/>-th nomination of a run: a new person every time.</summary>
    public static NominateRequest Nomination(string batchId, long n) => new()
    {
        BatchId = batchId,
        NominatingCountry = Countries[n % Countries.Length],
        Participant = new Participant
        {
            FullName = $"Participant {n}",
            Email = $"participant-{n}@agency.example",
            Nationality = Countries[n % Countries.Length],
            Organisation = "Ministry of Industry",
            Position = "Section Officer",
            PreferredLanguage = n % 3 == 0 ? "id" : "en",
            PassportNumber = $"B{n:D9}",
            PassportExpiry = "2031-12-31",
            Phone = "+977 1 4211 234",
            ArrivalDate = Start.AddDays(-1).ToString("yyyy-MM-dd"),
            DepartureDate = Start.AddDays(14).ToString("yyyy-MM-dd"),
        },
    };
}
