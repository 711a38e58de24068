using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using ProgrammesClient = Ksst.Contracts.Registration.V1.Programmes.ProgrammesClient;

namespace Ksst.FaultRun.Load;

/// <summary>
/// The run's batches (open, admitting on arrival) and its nominations: nomination <c>n</c> goes to
/// batch <c>n / NominationsPerBatch</c>, from a Colombo Plan member, as a new person with a request
/// id, email and passport of its own; every few name an agency contact with an address of its own.
/// </summary>
public sealed class Nominees(FaultRunOptions options, string runId)
{
    private const string ProgrammeId = "fault-run";
    private static readonly string[] Countries = ["NP", "LK", "BD", "PK", "MY", "TH", "PH", "VN", "MM", "LA", "IN", "BT", "MV", "MN", "FJ", "PG"];
    private static readonly DateOnly Start = new(2027, 10, 4);

    /// <summary>The batch of the <paramref name="index"/>-th batch of this run.</summary>
    public string BatchId(int index) => $"fr-{runId}-{index:D3}";

    /// <summary>Every batch of this run.</summary>
    public IEnumerable<string> BatchIds => Enumerable.Range(0, options.Batches).Select(BatchId);

    /// <summary>Creates the programme (once) and every batch, open and admitting on arrival.</summary>
    public async Task OpenBatchesAsync(ProgrammesClient programmes, CancellationToken ct)
    {
        var deadline = TimeSpan.FromSeconds(30);
        try
        {
            await programmes.CreateProgrammeAsync(new CreateProgrammeRequest
            {
                Programme = new Programme { ProgrammeId = ProgrammeId, Name = "Fault run" },
            }, deadline: DateTime.UtcNow + deadline, cancellationToken: ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            // Created by an earlier run on the same data.
        }
        for (var i = 0; i < options.Batches; i++)
        {
            var batch = await programmes.CreateBatchAsync(new CreateBatchRequest
            {
                Batch = new Batch
                {
                    BatchId = BatchId(i),
                    ProgrammeId = ProgrammeId,
                    Number = Random.Shared.Next(1, 1_000_000) * 1000 + i,
                    Theme = "Fault run",
                    HostCities = { "Jakarta", "Bandung" },
                    StartDate = Iso(Start),
                    EndDate = Iso(Start.AddDays(11)),
                    TimeZone = "Asia/Jakarta",
                    Capacity = options.BatchCapacity,
                    CountryQuota = options.CountryQuota,
                    NominationDeadline = Timestamp.FromDateTime(Start.AddDays(-20).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
                    AdmitOnArrival = true,
                },
            }, deadline: DateTime.UtcNow + deadline, cancellationToken: ct);
            await programmes.ChangeBatchStatusAsync(new ChangeBatchStatusRequest { BatchId = batch.BatchId, Status = BatchStatus.Open },
                deadline: DateTime.UtcNow + deadline, cancellationToken: ct);
        }
    }

    /// <summary>The <paramref name="n"/>-th nomination of the run.</summary>
    public NominateRequest Nomination(int n)
    {
        var country = Countries[n % Countries.Length];
        var request = new NominateRequest
        {
            RequestId = $"fr-{runId}-{n}",
            BatchId = BatchId(n / options.NominationsPerBatch),
            NominatingCountry = country,
            Participant = new Participant
            {
                FullName = $"Participant {n}",
                Email = ParticipantEmail(n),
                Nationality = country,
                Organisation = "Ministry of Industry",
                Position = "Section Officer",
                PreferredLanguage = n % 3 == 0 ? "id" : "en",
                PassportNumber = $"F{n:D8}",
                PassportExpiry = "2031-12-31",
                Phone = "+977 1 4211 234",
                ArrivalDate = Iso(Start.AddDays(-1)),
                DepartureDate = Iso(Start.AddDays(12)),
            },
        };
        if (n % options.AgencyContactEvery == 0)
        {
            request.AgencyContact = new AgencyContact { Name = $"Agency desk {n}", Email = $"agency-{n}.{runId}@faultrun.example" };
        }
        return request;
    }

    /// <summary>The participant's address of the <paramref name="n"/>-th nomination.</summary>
    public string ParticipantEmail(int n) => $"participant-{n}.{runId}@faultrun.example";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
