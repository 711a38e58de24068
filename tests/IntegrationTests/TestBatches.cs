using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using ProgrammesClient = Ksst.Contracts.Registration.V1.Programmes.ProgrammesClient;

namespace Ksst.IntegrationTests;

/// <summary>Fresh, open batches for tests, so no test depends on another's nominations.</summary>
public static class TestBatches
{
    private const string ProgrammeId = "it-programme";
    private static int _number;

    /// <summary>The first day of every test batch; nominations must fit around it.</summary>
    public static readonly DateOnly Start = new(2027, 3, 1);

    /// <summary>
    /// Creates and opens a batch (by default March 2027, deadline February 2027) of the test
    /// programme, or of <paramref name="programmeId"/> (created when missing).
    /// </summary>
    public static async Task<Batch> OpenAsync(StackFixture stack, int capacity = 20, int quota = 2, bool admitOnArrival = false, DateOnly? start = null, DateTimeOffset? deadline = null, string[]? eligible = null, string programmeId = ProgrammeId)
    {
        var first = start ?? Start;
        var client = new ProgrammesClient(stack.Channel("registration"));
        var rpcDeadline = DateTime.UtcNow + StackFixture.Timeout;
        try
        {
            await client.CreateProgrammeAsync(new CreateProgrammeRequest
            {
                Programme = new Programme { ProgrammeId = programmeId, Name = "Integration test programme" },
            }, deadline: rpcDeadline);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            // Another test created it first.
        }

        var number = Interlocked.Increment(ref _number) + Random.Shared.Next(1000, 1_000_000) * 100;
        var batch = await client.CreateBatchAsync(new CreateBatchRequest
        {
            Batch = new Batch
            {
                BatchId = $"it-{Guid.NewGuid():N}"[..20],
                ProgrammeId = programmeId,
                Number = number,
                Theme = "Test batch",
                HostCities = { "Jakarta", "Bandung" },
                StartDate = first.ToString("yyyy-MM-dd"),
                EndDate = first.AddDays(11).ToString("yyyy-MM-dd"),
                TimeZone = "Asia/Jakarta",
                Capacity = capacity,
                CountryQuota = quota,
                NominationDeadline = deadline is { } d ? Timestamp.FromDateTimeOffset(d) : Timestamp.FromDateTime(first.AddDays(-30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
                AdmitOnArrival = admitOnArrival,
                EligibleCountries = { eligible ?? [] },
            },
        }, deadline: rpcDeadline);
        return await client.ChangeBatchStatusAsync(new ChangeBatchStatusRequest { BatchId = batch.BatchId, Status = BatchStatus.Open }, deadline: rpcDeadline);
    }

    /// <summary>A valid nomination of a new person from <paramref name="country"/> to <paramref name="batchId"/>.</summary>
    public static NominateRequest Nomination(string batchId, string country = "NP", string? name = null, string language = "en", DateOnly? start = null) => new()
    {
        BatchId = batchId,
        NominatingCountry = country,
        Participant = new Participant
        {
            FullName = name ?? "Sujata Shrestha",
            Email = $"p-{Guid.NewGuid():N}@ksst-test.example",
            Nationality = country,
            Organisation = "Ministry of Industry",
            Position = "Section Officer",
            PreferredLanguage = language,
            PassportNumber = $"T{Random.Shared.NextInt64(10_000_000, 99_999_999)}",
            PassportExpiry = "2030-12-31",
            Phone = "+977 1 4211 234",
            ArrivalDate = (start ?? Start).AddDays(-1).ToString("yyyy-MM-dd"),
            DepartureDate = (start ?? Start).AddDays(12).ToString("yyyy-MM-dd"),
        },
    };
}
