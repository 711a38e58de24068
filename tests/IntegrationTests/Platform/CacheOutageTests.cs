using System.Diagnostics;
using Aspire.Hosting.Testing;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using Ksst.IntegrationTests.Scheduling;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Ksst.IntegrationTests.Platform;

/// <summary>
/// Redis stopped: views and contacts not in memory are still answered (from the database and
/// Registration), the services say they bypass the cache, and once Redis is back it is used again.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class CacheOutageTests(StackFixture stack, ITestOutputHelper output)
{
    private readonly SchedulingFixtures _fixtures = new(stack);

    private static DateTime Deadline => SchedulingFixtures.Deadline;

    [Fact]
    public async Task With_Redis_stopped_reads_are_answered_without_it_and_once_it_is_back_it_is_used_again()
    {
        var batch = (await TestBatches.OpenAsync(stack, admitOnArrival: true)).BatchId;
        var participants = await _fixtures.ParticipantsAsync(batch, ["NP", "LK", "BT"], confirm: false);
        var hall = await _fixtures.VenueAsync("hall", "Jakarta");
        var session = await _fixtures.Scheduling.ScheduleSessionAsync(new ScheduleSessionRequest { Session = SchedulingFixtures.At(batch, hall, "Export class", 2, 4) }, deadline: Deadline);

        await stack.StopAsync("cache");
        try
        {
            // None of these views was read before, so none is in Scheduling's memory.
            var agenda = await TimedAsync("agenda", () => _fixtures.Scheduling.GetAgendaAsync(new GetAgendaRequest { BatchId = batch }, deadline: Deadline).ResponseAsync);
            Assert.Equal(session.SessionId, Assert.Single(Assert.Single(agenda.Days).Items).Session.SessionId);
            foreach (var participant in participants)
            {
                var itinerary = await TimedAsync("itinerary", () => _fixtures.Scheduling.GetItineraryAsync(
                    new GetItineraryRequest { BatchId = batch, NominationId = participant.NominationId }, deadline: Deadline).ResponseAsync);
                Assert.Equal("Export class", Assert.Single(Assert.Single(itinerary.Days).Items).Session.Title);
            }

            // Scheduling says it bypasses the cache (while it does: reading views nobody read before).
            await BypassingAsync("scheduling", () => _fixtures.Scheduling.GetAgendaAsync(new GetAgendaRequest { BatchId = $"unread-{Guid.NewGuid():N}" }, deadline: Deadline).ResponseAsync);

            // Notifications reads the new participant's contact from Registration: the email goes out.
            var mail = new MailServer(stack.Http("mail"));
            var request = TestBatches.Nomination(batch, "MV", "Aishath Naseem");
            var nomination = await _fixtures.Nominations.NominateAsync(request, deadline: Deadline);
            var message = await Eventually.Get(async ct => (await mail.ListAsync(ct)).FirstOrDefault(m => m.Subject.StartsWith("Nomination received: ", StringComparison.Ordinal)
                && m.To.Any(t => t.Contains(request.Participant.Email, StringComparison.OrdinalIgnoreCase))), StackFixture.Timeout, "the nomination email while Redis is stopped");
            Assert.Contains("Aishath Naseem", message.Subject);
            Assert.Equal(NominationStatus.Accepted, nomination.Status);
            // Each look is preceded by a nomination, whose notice reads a contact nobody read before.
            await BypassingAsync("notifications", () => _fixtures.Nominations.NominateAsync(TestBatches.Nomination(batch, "MV"), deadline: Deadline).ResponseAsync);
        }
        finally
        {
            await stack.StartAsync("cache");
        }

        // Back: after at most one break, a view read for the first time is written to Redis again.
        var redisConnection = await stack.App.GetConnectionStringAsync("cache") ?? throw new InvalidOperationException("No Redis.");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnection).WaitAsync(StackFixture.Timeout);
        await Eventually.Get(async ct =>
        {
            var fresh = $"fresh-{Guid.NewGuid():N}"[..20];
            await _fixtures.Scheduling.GetAgendaAsync(new GetAgendaRequest { BatchId = fresh }, cancellationToken: ct);
            return await redis.GetDatabase().KeyExistsAsync($"ksst:scheduling:v1:agenda:{fresh}") ? fresh : null;
        }, StackFixture.Timeout, "a newly read agenda in Redis after it is back");
        await HealthyCacheAsync("scheduling");
    }

    private async Task<T> TimedAsync<T>(string what, Func<Task<T>> read)
    {
        // Measured for the record, never asserted.
        var watch = Stopwatch.StartNew();
        var result = await read();
        output.WriteLine($"{what} with Redis stopped: {watch.ElapsedMilliseconds} ms");
        return result;
    }

    /// <summary>Waits until the service's health report says the cache breaker bypasses Redis, calling <paramref name="use"/> before each look.</summary>
    private async Task BypassingAsync(string service, Func<Task> use)
    {
        using var http = stack.Http(service);
        await Eventually.Get(async ct =>
        {
            await use();
            var report = await http.GetStringAsync("/health", ct);
            return report.Contains("\"name\":\"cache-breaker\",\"status\":\"Degraded\"", StringComparison.Ordinal) ? report : null;
        }, StackFixture.Timeout, $"{service} reporting that it bypasses the cache");
    }

    private async Task HealthyCacheAsync(string service)
    {
        using var http = stack.Http(service);
        await Eventually.Get(async ct =>
        {
            var report = await http.GetStringAsync("/health", ct);
            return report.Contains("\"name\":\"cache-breaker\",\"status\":\"Healthy\"", StringComparison.Ordinal) ? report : null;
        }, StackFixture.Timeout, $"{service} using the cache again");
    }
}
