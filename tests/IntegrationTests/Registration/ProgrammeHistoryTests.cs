using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ksst.Contracts.Registration.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using ProgrammesClient = Ksst.Contracts.Registration.V1.Programmes.ProgrammesClient;

namespace Ksst.IntegrationTests.Registration;

/// <summary>The demo programme's history, reads and the CSV roster through the running service.</summary>
[Collection(StackCollection.Name)]
public sealed class ProgrammeHistoryTests(StackFixture stack)
{
    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    [Fact]
    public async Task The_demo_programme_has_its_three_batches_and_batch_3_its_twenty_nominations()
    {
        var programmes = new ProgrammesClient(stack.Channel("registration"));
        var batches = (await programmes.ListBatchesAsync(new ListBatchesRequest { ProgrammeId = "ksst-sme" }, deadline: Deadline)).Batches;
        Assert.Equal([1, 2, 3], batches.Select(b => b.Number));
        Assert.Equal([19, 22, 20], batches.Select(b => b.RecordedParticipants));
        Assert.Equal(["Jakarta", "Bandung"], batches[2].HostCities);

        var counts = await new NominationsClient(stack.Channel("registration"))
            .CountNominationsAsync(new CountNominationsRequest { BatchId = "ksst-sme-2018" }, deadline: Deadline);
        Assert.Equal(20, counts.Total);
        Assert.Equal(10, counts.Counts.Select(c => c.Country).Distinct().Count());
        Assert.True(counts.SeatsTaken <= counts.Capacity);
    }

    [Fact]
    public async Task The_csv_roster_round_trips_names_with_non_ascii_letters()
    {
        var batch = await TestBatches.OpenAsync(stack);
        var nominations = new NominationsClient(stack.Channel("registration"));
        string[] names = ["Nguyễn Thị Hương", "Đặng, \"Minh\" Quân", "Ñoño Ōtsuka-Björk"];
        foreach (var name in names)
        {
            await nominations.NominateAsync(TestBatches.Nomination(batch.BatchId, "VN", name), deadline: Deadline);
        }

        using var http = stack.Http("registration");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var response = await http.GetAsync($"/api/v1/batches/{batch.BatchId}/roster.csv", cts.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(cts.Token)).TrimStart('\uFEFF');

        var rows = CsvReader.Parse(text);
        var header = rows[0];
        var nameColumn = Array.IndexOf(header, "full_name");
        Assert.Equal(names, rows.Skip(1).Select(r => r[nameColumn]));
        Assert.DoesNotContain("passport", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_closed_batch_is_a_failed_precondition_in_json_too()
    {
        using var http = stack.Http("registration");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var nomination = TestBatches.Nomination("ksst-sme-2018", "LK");
        using var response = await http.PostAsJsonAsync("/api/v1/batches/ksst-sme-2018/nominations", new
        {
            nominatingCountry = "LK",
            participant = new
            {
                fullName = "Late Nominee", email = nomination.Participant.Email, nationality = "LK",
                passportNumber = "LK9999999", passportExpiry = "2030-01-01",
            },
        }, cts.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
        Assert.Equal(9, body.GetProperty("code").GetInt32()); // FAILED_PRECONDITION
        var detail = body.GetProperty("details").EnumerateArray().Single();
        Assert.Equal("type.googleapis.com/google.rpc.PreconditionFailure", detail.GetProperty("@type").GetString());
        Assert.Equal("BATCH_NOT_OPEN", detail.GetProperty("violations")[0].GetProperty("type").GetString());
    }
}
