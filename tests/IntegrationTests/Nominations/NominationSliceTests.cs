using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using Ksst.Contracts.Notifications.V1;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using SchedulingClient = Ksst.Contracts.Scheduling.V1.Scheduling.SchedulingClient;

namespace Ksst.IntegrationTests.Nominations;

/// <summary>The first vertical slice, through every real hop of the running stack.</summary>
[Collection(StackCollection.Name)]
public sealed class NominationSliceTests(StackFixture stack)
{
    private readonly NominationsClient _registration = new(stack.Channel("registration"));
    private readonly SchedulingClient _scheduling = new(stack.Channel("scheduling"));
    private readonly NotificationsClient _notifications = new(stack.Channel("notifications"));
    private readonly MailServer _mail = new(stack.Http("mail"));

    private string? _batch;

    private async Task<string> BatchAsync() => _batch ??= (await TestBatches.OpenAsync(stack)).BatchId;

    private async Task<NominateRequest> Request(string email, string language = "en")
    {
        var request = TestBatches.Nomination(await BatchAsync(), "NP", language: language);
        request.Participant.Email = email;
        return request;
    }

    private static string UniqueEmail() => $"p-{Guid.NewGuid():N}@moics.gov.np";

    private static CallOptions Deadline(Metadata? headers = null) =>
        new(headers, DateTime.UtcNow + StackFixture.Timeout);

    [Fact]
    public async Task A_nomination_reaches_the_mailbox_the_roster_and_the_delivery_log_in_one_trace()
    {
        var email = UniqueEmail();
        var traceId = ActivityTraceId.CreateRandom();
        var headers = new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01" } };

        var nomination = await _registration.NominateAsync(await Request(email, "id"), Deadline(headers));
        Assert.Equal(NominationStatus.Nominated, nomination.Status);

        var message = await Eventually.Get(ct => _mail.FindToAsync(email, ct), StackFixture.Timeout, "the email in smtp4dev");
        Assert.StartsWith("Nominasi diterima: ", message.Subject);
        using (var cts = new CancellationTokenSource(StackFixture.Timeout))
        {
            Assert.Contains("Yth. Sujata Shrestha,", await _mail.PlainTextAsync(message.Id, cts.Token));
        }

        var entry = await Eventually.Get(async ct =>
            (await _scheduling.ListRosterAsync(new ListRosterRequest { BatchId = await BatchAsync() }, cancellationToken: ct))
                .Entries.FirstOrDefault(e => e.NominationId == nomination.NominationId),
            StackFixture.Timeout, "the participant on Scheduling's roster");
        Assert.Equal("NP", entry.Country);

        var delivery = await Eventually.Get(async ct =>
            (await _notifications.ListDeliveriesAsync(new ListDeliveriesRequest { NominationId = nomination.NominationId }, cancellationToken: ct))
                .Deliveries.FirstOrDefault(d => d.Status == DeliveryStatus.Sent),
            StackFixture.Timeout, "the delivery marked sent");
        Assert.Equal("id", delivery.Language);
        // The trace the caller started crosses Registration, the broker and Notifications.
        Assert.Equal(traceId.ToString(), delivery.TraceId);
    }

    [Fact]
    public async Task A_bad_request_names_every_bad_field_and_leaves_nothing_behind()
    {
        var before = (await _registration.ListNominationsAsync(new ListNominationsRequest { BatchId = await BatchAsync() }, Deadline())).Nominations.Count;
        var badEmail = $"not-an-email-{Guid.NewGuid():N}";
        var request = await Request(badEmail);
        request.Participant.FullName = " ";
        request.NominatingCountry = "FR";

        var error = await Assert.ThrowsAsync<RpcException>(() => _registration.NominateAsync(request, Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field);
        Assert.Equal(["nominating_country", "participant.full_name", "participant.email"], fields);

        // A valid nomination made afterwards is mailed; by then the bad one would have been too.
        var goodEmail = UniqueEmail();
        await _registration.NominateAsync(await Request(goodEmail), Deadline());
        await Eventually.Get(ct => _mail.FindToAsync(goodEmail, ct), StackFixture.Timeout, "the later valid nomination's email");

        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        Assert.Null(await _mail.FindToAsync(badEmail, cts.Token));
        var after = (await _registration.ListNominationsAsync(new ListNominationsRequest { BatchId = await BatchAsync() }, Deadline())).Nominations;
        Assert.Equal(before + 1, after.Count);
        Assert.DoesNotContain(after, n => n.Participant.Email == badEmail);
    }

    [Fact]
    public async Task Json_transcoding_returns_400_with_the_same_field_violations()
    {
        using var http = stack.Http("registration");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);

        using var response = await http.PostAsJsonAsync($"/api/v1/batches/{await BatchAsync()}/nominations", new
        {
            nominatingCountry = "NP",
            participant = new { fullName = "", email = "nobody@", nationality = "XX", passportNumber = "BD7654322", passportExpiry = "2030-01-01" },
        }, cts.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
        Assert.Equal((int)StatusCode.InvalidArgument, body.GetProperty("code").GetInt32());
        var detail = body.GetProperty("details").EnumerateArray().Single();
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", detail.GetProperty("@type").GetString());
        var fields = detail.GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString());
        Assert.Equal(["participant.full_name", "participant.email", "participant.nationality"], fields);
    }

    [Fact]
    public async Task Json_transcoding_serves_the_nomination_and_an_unknown_batch_is_not_found()
    {
        using var http = stack.Http("registration");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);

        using var created = await http.PostAsJsonAsync($"/api/v1/batches/{await BatchAsync()}/nominations", new
        {
            nominatingCountry = "BD",
            participant = new { fullName = "Rahim Uddin", email = UniqueEmail(), nationality = "BD", passportNumber = "BD7654321", passportExpiry = "2030-01-01" },
        }, cts.Token);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("nominationId").GetString();
        var fetched = await http.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{id}", cts.Token);
        Assert.Equal("Rahim Uddin", fetched.GetProperty("participant").GetProperty("fullName").GetString());
        Assert.Equal("NOMINATION_STATUS_NOMINATED", fetched.GetProperty("status").GetString());

        using var missing = await http.GetAsync("/api/v1/batches/ksst-sme-1999/nominations", cts.Token);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Every_service_publishes_an_openapi_document_of_its_json_routes()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        foreach (var (service, route) in new[]
                 {
                     ("registration", "/api/v1/batches/{batchId}/nominations"),
                     ("registration", "/api/v1/programmes/{programmeId}/batches"),
                     ("scheduling", "/api/v1/batches/{batchId}/roster"),
                     ("notifications", "/api/v1/deliveries"),
                 })
        {
            using var http = stack.Http(service);
            var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json", cts.Token);
            Assert.True(document.GetProperty("paths").TryGetProperty(route, out _), $"{service} lists {route}");
        }
    }
}
