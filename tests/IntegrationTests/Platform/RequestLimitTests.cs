using System.Net;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using Ksst.IntegrationTests.Scheduling;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using ProgrammesClient = Ksst.Contracts.Registration.V1.Programmes.ProgrammesClient;

namespace Ksst.IntegrationTests.Platform;

/// <summary>
/// The limits every API shares (ksst/api/v1/text.proto): lengths, timestamps, enum values, the
/// 1 MiB request size, and batch dates in 2000–2100; each over the limit is INVALID_ARGUMENT
/// naming what is wrong, over gRPC and JSON, and nothing is stored.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class RequestLimitTests(StackFixture stack)
{
    private const int OneMebibyte = 1024 * 1024;

    private readonly NominationsClient _nominations = new(stack.Channel("registration"));
    private readonly ProgrammesClient _programmes = new(stack.Channel("registration"));
    private readonly SchedulingFixtures _scheduling = new(stack);

    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    private async Task<int> NominationsIn(string batchId) =>
        (await _nominations.CountNominationsAsync(new CountNominationsRequest { BatchId = batchId }, deadline: Deadline)).Total;

    [Fact]
    public async Task A_name_over_its_limit_is_refused_over_grpc_and_json_saying_both_lengths_and_nothing_is_stored()
    {
        var batch = (await TestBatches.OpenAsync(stack)).BatchId;
        var request = TestBatches.Nomination(batch);
        request.Participant.FullName = new string('a', 201);
        request.Participant.DietaryNeeds = new string('h', 2000);

        var error = await Assert.ThrowsAsync<RpcException>(() => _nominations.NominateAsync(request, deadline: Deadline).ResponseAsync);

        var violation = Assert.Single(RefusedRequests.Violations(error));
        Assert.Equal(("participant.full_name", "At most 200 characters; this has 201."), (violation.Field, violation.Description));

        using var http = stack.Http("scheduling");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var venue = new Venue { VenueId = $"long-{Guid.NewGuid():N}"[..20], Name = "Hall", City = "Jakarta", Capacity = 40, Address = new string('x', 501) };
        using (var response = await http.PostAsync("/api/v1/venues", RefusedRequests.Json(JsonFormatter.Default.Format(venue)), cts.Token))
        {
            Assert.Equal(("venue.address", "At most 500 characters; this has 501."), Assert.Single(await RefusedRequests.ViolationsAsync(response, cts.Token)));
        }
        Assert.Equal(0, await NominationsIn(batch));
        var venues = await _scheduling.Scheduling.ListVenuesAsync(new ListVenuesRequest(), deadline: Deadline);
        Assert.DoesNotContain(venues.Venues, v => v.VenueId == venue.VenueId);
    }

    [Fact]
    public async Task A_timestamp_outside_protobufs_range_or_an_unknown_enum_number_is_an_invalid_argument_naming_the_field()
    {
        var batch = (await TestBatches.OpenAsync(stack)).BatchId;
        var hall = await _scheduling.VenueAsync("hall", "Jakarta");
        var session = SchedulingFixtures.At(batch, hall, "Opening", 1, 2);
        session.End = new Timestamp { Seconds = 253_402_300_800 };
        session.Kind = (SessionKind)99;

        var error = await Assert.ThrowsAsync<RpcException>(() => _scheduling.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = session }, deadline: Deadline).ResponseAsync);

        Assert.Equal(
            [
                ("session.kind", "99 is not a value of ksst.scheduling.v1.SessionKind."),
                ("session.end", "A time between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z; this has seconds = 253402300800."),
            ],
            RefusedRequests.Violations(error).Select(v => (v.Field, v.Description)));
        var sessions = await _scheduling.Scheduling.ListSessionsAsync(new ListSessionsRequest { BatchId = batch, IncludeCancelled = true }, deadline: Deadline);
        Assert.Empty(sessions.Sessions);
    }

    [Fact]
    public async Task Batch_dates_outside_2000_to_2100_are_refused_naming_the_range()
    {
        var id = $"it-{Guid.NewGuid():N}"[..20];
        var batch = new Batch
        {
            BatchId = id, ProgrammeId = "ksst-sme", Number = 900_000 + Random.Shared.Next(99_999), Theme = "Far future", HostCities = { "Jakarta" },
            StartDate = "2101-07-19", EndDate = "9999-12-31", TimeZone = "Asia/Jakarta", Capacity = 20, CountryQuota = 2,
            NominationDeadline = Timestamp.FromDateTime(new DateTime(2027, 6, 15, 0, 0, 0, DateTimeKind.Utc)),
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => _programmes.CreateBatchAsync(new CreateBatchRequest { Batch = batch }, deadline: Deadline).ResponseAsync);

        var violations = RefusedRequests.Violations(error);
        Assert.Equal(["batch.start_date", "batch.end_date"], violations.Select(v => v.Field));
        Assert.All(violations, v => Assert.StartsWith("An ISO 8601 date in the years 2000 to 2100", v.Description));
        var error2 = await Assert.ThrowsAsync<RpcException>(() => _programmes.GetBatchAsync(new GetBatchRequest { BatchId = id }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error2.StatusCode);
    }

    [Fact]
    public async Task A_grpc_request_over_1_mib_is_an_invalid_argument_saying_its_size()
    {
        var batch = (await TestBatches.OpenAsync(stack)).BatchId;
        var request = TestBatches.Nomination(batch);
        request.Participant.DietaryNeeds = new string('h', OneMebibyte);
        var bytes = request.ToByteArray();
        var raw = Marshallers.Create((byte[] b) => b, b => b);
        var call = new Method<byte[], byte[]>(MethodType.Unary, "ksst.registration.v1.Nominations", "Nominate", raw, raw);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            stack.Channel("registration").CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(deadline: Deadline), bytes).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal($"The request is {bytes.Length} bytes; at most 1048576 are taken.", error.Status.Detail);
        Assert.Equal("REQUEST_TOO_LARGE", error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        Assert.Equal(0, await NominationsIn(batch));
    }

    [Fact]
    public async Task A_json_body_over_1_mib_is_http_400_with_or_without_a_content_length()
    {
        var batch = (await TestBatches.OpenAsync(stack)).BatchId;
        var request = TestBatches.Nomination(batch);
        request.Participant.DietaryNeeds = new string('h', OneMebibyte);
        var json = Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(request));
        using var http = stack.Http("registration");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);

        foreach (var content in new HttpContent[] { new ByteArrayContent(json), new Chunked(json) })
        {
            content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            using var response = await http.PostAsync($"/api/v1/batches/{batch}/nominations", content, cts.Token);
            var text = await response.Content.ReadAsStringAsync(cts.Token);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"HTTP {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
            using var status = JsonDocument.Parse(text);
            Assert.Equal((int)StatusCode.InvalidArgument, status.RootElement.GetProperty("code").GetInt32());
            Assert.Equal(
                content is Chunked ? "The request is more than 1048576 bytes; at most 1048576 are taken." : $"The request is {json.Length} bytes; at most 1048576 are taken.",
                status.RootElement.GetProperty("message").GetString());
            content.Dispose();
        }
        Assert.Equal(0, await NominationsIn(batch));
    }

    /// <summary>A body sent in chunks, without a Content-Length.</summary>
    private sealed class Chunked(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
