using Grpc.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ksst.Contracts.Notifications.V1;
using Ksst.Contracts.Registration.V1;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.IntegrationTests.Outbox;

/// <summary>A stack of its own: this test stops the broker and restarts Registration.</summary>
[CollectionDefinition(Name)]
public sealed class BrokerOutageCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "broker-outage";
}

[Collection(BrokerOutageCollection.Name)]
public sealed class BrokerOutageTests(StackFixture stack)
{
    [Fact]
    public async Task A_nomination_made_while_the_broker_is_down_is_mailed_once_after_it_returns_even_across_a_restart()
    {
        var registration = new NominationsClient(stack.Channel("registration"));
        var notifications = new NotificationsClient(stack.Channel("notifications"));
        var mail = new MailServer(stack.Http("mail"));
        var email = $"outage-{Guid.NewGuid():N}@mofa.gov.bt";

        var batch = await TestBatches.OpenAsync(stack);
        await stack.StopAsync("messaging");

        // Without the broker every service still answers but is Degraded, not Healthy: its report
        // names the broker, and the dashboard (the resource's health) says Degraded too.
        foreach (var service in new[] { "registration", "scheduling", "notifications" })
        {
            using var http = stack.Http(service);
            var report = await Eventually.Get(async ct =>
            {
                var body = await http.GetStringAsync("/health", ct);
                return body.Contains("\"status\":\"Degraded\"", StringComparison.Ordinal) ? body : null;
            }, StackFixture.Timeout, $"{service} reporting Degraded");
            Assert.Contains("\"name\":\"broker\",\"status\":\"Degraded\"", report);
            using var cts = new CancellationTokenSource(StackFixture.Timeout);
            await stack.App.ResourceNotifications.WaitForResourceAsync(service, e => e.Snapshot.HealthStatus == HealthStatus.Degraded, cts.Token).WaitAsync(cts.Token);
        }

        // Registration still takes the nomination: it only needs its own database.
        var request = TestBatches.Nomination(batch.BatchId, "BT", "Karma Wangchuk");
        request.Participant.Email = email;
        var nomination = await registration.NominateAsync(request, deadline: DateTime.UtcNow + StackFixture.Timeout);

        // The event waits in Registration's outbox while Registration itself is down. (Registration
        // starts only once the broker is back: the AppHost makes it wait for its dependencies.)
        // DCP sometimes reports a stop as failed, and the state as "Unknown", although the
        // process ends; what counts is that Registration no longer answers.
        await stack.StopAsync("registration", mustSucceed: false);
        await Assert.ThrowsAsync<RpcException>(() => registration.GetNominationAsync(
            new GetNominationRequest { NominationId = nomination.NominationId }, deadline: DateTime.UtcNow.AddSeconds(5)).ResponseAsync);
        await stack.StartAsync("messaging");
        await stack.StartAsync("registration");
        using (var http = stack.Http("registration"))
        {
            Assert.Contains("\"status\":\"Healthy\"", await http.GetStringAsync("/health"));
        }

        var message = await Eventually.Get(ct => mail.FindToAsync(email, ct), StackFixture.Timeout * 2, "the email after the outage");
        Assert.StartsWith("Nomination received: ", message.Subject);

        // The delivery is marked sent just after the mail server accepts the message.
        var delivery = await DeliveryLog.WaitForAsync(notifications, nomination.NominationId, d => d.Status == DeliveryStatus.Sent, "the delivery marked sent");
        Assert.Equal(1, delivery.Attempts);
        using var check = new CancellationTokenSource(StackFixture.Timeout);
        Assert.Single(await mail.ListAsync(check.Token), m => m.To.Any(t => t.Contains(email, StringComparison.OrdinalIgnoreCase)));
    }
}
