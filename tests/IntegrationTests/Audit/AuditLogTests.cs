using System.Net;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Audit.V1;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using Ksst.IntegrationTests.Platform;
using Ksst.IntegrationTests.Scheduling;
using AuditLogClient = Ksst.Contracts.Audit.V1.AuditLog.AuditLogClient;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.IntegrationTests.Audit;

/// <summary>
/// Issue 14, the audit log, on the real stack: an acceptance and a reschedule are recorded with
/// their fields before and after, as the calls' RPCs, read over gRPC and JSON from each
/// service's own log; no passport number (or other personal data) is in any entry.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class AuditLogTests(StackFixture stack)
{
    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    private AuditLogClient Log(string service) => new(stack.Channel(service));

    /// <summary>Every entry matching <paramref name="request"/>, through every page.</summary>
    private async Task<IReadOnlyList<AuditEntry>> AllAsync(string service, ListAuditEntriesRequest request)
    {
        var entries = new List<AuditEntry>();
        var query = request.Clone();
        query.PageSize = 20;
        do
        {
            var page = await Log(service).ListAuditEntriesAsync(query, deadline: Deadline);
            entries.AddRange(page.Entries);
            query.PageToken = page.NextPageToken;
        }
        while (query.PageToken.Length > 0);
        return entries;
    }

    /// <summary>The JSON route's answer for <paramref name="query"/>, as text and parsed.</summary>
    private async Task<(string Text, JsonElement Entries)> JsonAsync(string service, string query)
    {
        using var http = stack.Http(service);
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var response = await http.GetAsync($"/api/v1/audit/entries?{query}", cts.Token);
        var text = await response.Content.ReadAsStringAsync(cts.Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        return (text, JsonDocument.Parse(text).RootElement.Clone().GetProperty("entries"));
    }

    private static string Field(Struct? fields, string name) =>
        fields is not null && fields.Fields.TryGetValue(name, out var value) ? value.KindCase switch
        {
            Value.KindOneofCase.StringValue => value.StringValue,
            Value.KindOneofCase.NumberValue => value.NumberValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString(),
        } : "(absent)";

    [Fact]
    public async Task Accepting_a_nomination_records_its_status_before_and_after_and_no_passport_number_is_in_any_entry()
    {
        var nominations = new NominationsClient(stack.Channel("registration"));
        var batch = await TestBatches.OpenAsync(stack);
        var request = TestBatches.Nomination(batch.BatchId, "LK", "Kumari Wijesinghe");
        request.Participant.DietaryNeeds = "Vegetarian, no eggs";
        var nomination = await nominations.NominateAsync(request, deadline: Deadline);
        var accepted = await nominations.AcceptNominationAsync(new ChangeNominationRequest { NominationId = nomination.NominationId, Reason = "Strong profile" }, deadline: Deadline);
        Assert.Equal(NominationStatus.Accepted, accepted.Status);

        var history = await AllAsync("registration", new ListAuditEntriesRequest { ResourceType = "nomination", ResourceId = nomination.NominationId });
        Assert.Equal([AuditChange.Modified, AuditChange.Added], history.Select(e => e.Change));
        var acceptance = history[0];
        Assert.Equal("/ksst.registration.v1.Nominations/AcceptNomination", acceptance.Rpc);
        Assert.NotEqual("service", acceptance.Actor.Role); // the caller, not the service
        Assert.False(string.IsNullOrEmpty(acceptance.Actor.Subject));
        Assert.Equal(batch.BatchId, acceptance.BatchId);
        Assert.Equal(("Nominated", "Accepted"), (Field(acceptance.Before, "status"), Field(acceptance.After, "status")));
        Assert.Equal(("1", "2"), (Field(acceptance.Before, "version"), Field(acceptance.After, "version")));
        Assert.Equal("(absent)", Field(acceptance.After, "passportNumber")); // only what changed
        Assert.Equal("/ksst.registration.v1.Nominations/Nominate", history[1].Rpc);
        Assert.Equal("***", Field(history[1].After, "passportNumber"));
        Assert.True(acceptance.RecordedAt.ToDateTime() >= history[1].RecordedAt.ToDateTime());
        Assert.True(acceptance.Sequence > history[1].Sequence);

        // The same over JSON, found by the batch filter.
        var (text, entries) = await JsonAsync("registration", $"batchId={batch.BatchId}&resourceType=nomination");
        var json = Assert.Single(entries.EnumerateArray(), e => e.GetProperty("change").GetString() == "AUDIT_CHANGE_MODIFIED");
        Assert.Equal(nomination.NominationId, json.GetProperty("resource").GetProperty("id").GetString());
        Assert.Equal("Nominated", json.GetProperty("before").GetProperty("status").GetString());
        Assert.Equal("Accepted", json.GetProperty("after").GetProperty("status").GetString());

        // The service's own work is recorded as the service's, with what it was doing: Scheduling's
        // roster consumer, Notifications' consumer and mail dispatcher.
        var roster = await Eventually.Get(async ct =>
        {
            var entries = await AllAsync("scheduling", new ListAuditEntriesRequest { BatchId = batch.BatchId, ResourceType = "roster-entry" });
            return entries.Any(e => e.Rpc == "consume scheduling-participant-accepted") ? entries : null;
        }, StackFixture.Timeout, "the roster's acceptance in Scheduling's audit log");
        Assert.All(roster, e => Assert.Equal(("service:scheduling", "service", "scheduling"), (e.Actor.Subject, e.Actor.Role, e.Actor.ClientId)));
        Assert.Equal("Accepted", Field(roster.First(e => e.Rpc == "consume scheduling-participant-accepted").After, "status"));
        var mail = await Eventually.Get(async ct =>
        {
            var deliveries = await AllAsync("notifications", new ListAuditEntriesRequest { BatchId = batch.BatchId, ResourceType = "delivery" });
            return deliveries.Any(d => d.Rpc == "consume notifications-participant-accepted") && deliveries.Any(d => d.Rpc == "loop MailDispatcher") ? deliveries : null;
        }, StackFixture.Timeout, "the acceptance's delivery, written and sent, in Notifications' audit log");
        Assert.All(mail.Where(d => d.Change == AuditChange.Added), d => Assert.Equal(("***", "***"), (Field(d.After, "toAddress"), Field(d.After, "toName"))));

        // No personal data in any entry of the batch, in any service.
        var everything = new List<string> { text };
        foreach (var service in new[] { "registration", "scheduling", "notifications" })
        {
            everything.AddRange((await AllAsync(service, new ListAuditEntriesRequest { BatchId = batch.BatchId })).Select(e => JsonFormatter.Default.Format(e)));
        }
        foreach (var personal in new[] { request.Participant.PassportNumber, request.Participant.Email, request.Participant.Phone, "Kumari", "Vegetarian" })
        {
            Assert.DoesNotContain(everything, e => e.Contains(personal, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Rescheduling_a_session_records_its_old_and_new_times_in_schedulings_log()
    {
        var fixtures = new SchedulingFixtures(stack);
        var batch = (await TestBatches.OpenAsync(stack)).BatchId;
        var venue = await fixtures.VenueAsync("audit-hall", "Jakarta");
        var scheduled = await fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = SchedulingFixtures.At(batch, venue, "Export class", 2, 4) }, deadline: Deadline);
        var (newStart, newEnd) = (SchedulingFixtures.Day.AddHours(5), SchedulingFixtures.Day.AddHours(7));
        await fixtures.Scheduling.RescheduleSessionAsync(new RescheduleSessionRequest
        {
            SessionId = scheduled.SessionId, Start = Timestamp.FromDateTime(newStart), End = Timestamp.FromDateTime(newEnd),
        }, deadline: Deadline);

        var history = await AllAsync("scheduling", new ListAuditEntriesRequest { ResourceType = "session", ResourceId = scheduled.SessionId });
        Assert.Equal([AuditChange.Modified, AuditChange.Added], history.Select(e => e.Change));
        var move = history[0];
        Assert.Equal(("/ksst.scheduling.v1.Scheduling/RescheduleSession", batch), (move.Rpc, move.BatchId));
        Assert.Equal(SchedulingFixtures.Day.AddHours(2), DateTime.Parse(Field(move.Before, "start"), null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.Equal(SchedulingFixtures.Day.AddHours(4), DateTime.Parse(Field(move.Before, "end"), null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.Equal(newStart, DateTime.Parse(Field(move.After, "start"), null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.Equal(newEnd, DateTime.Parse(Field(move.After, "end"), null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.Contains("version", move.After.Fields.Keys);
        Assert.DoesNotContain("title", move.After.Fields.Keys);

        var (_, entries) = await JsonAsync("scheduling", $"resourceType=session&resourceId={scheduled.SessionId}&pageSize=1");
        var json = Assert.Single(entries.EnumerateArray());
        Assert.Equal("/ksst.scheduling.v1.Scheduling/RescheduleSession", json.GetProperty("rpc").GetString());
        Assert.Equal(newStart, json.GetProperty("after").GetProperty("start").GetDateTimeOffset().UtcDateTime);
        Assert.Equal(SchedulingFixtures.Day.AddHours(2), json.GetProperty("before").GetProperty("start").GetDateTimeOffset().UtcDateTime);

    }

    [Fact]
    public async Task Filters_that_cannot_be_are_invalid_arguments_naming_each_field_over_grpc_and_json()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Log("notifications").ListAuditEntriesAsync(new ListAuditEntriesRequest
        {
            ResourceId = "x", ResourceType = "passport", PageSize = 500, PageToken = "not-a-token",
        }, deadline: Deadline).ResponseAsync);
        Assert.Equal(["resource_type", "page_size", "page_token"], RefusedRequests.Violations(error).Select(v => v.Field));

        using var http = stack.Http("registration");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var response = await http.GetAsync("/api/v1/audit/entries?resourceId=abc&since=2027-03-02T00:00:00Z&until=2027-03-01T00:00:00Z", cts.Token);
        Assert.Equal(["resource_id", "until"], (await RefusedRequests.ViolationsAsync(response, cts.Token)).Select(v => v.Field));
    }
}
