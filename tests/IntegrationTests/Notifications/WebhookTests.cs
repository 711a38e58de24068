using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Ksst.Contracts.Notifications.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;

namespace Ksst.IntegrationTests.Notifications;

/// <summary>Webhooks from the running stack to a receiver on loopback (allowed by the test stack's configuration).</summary>
[Collection(StackCollection.Name)]
public sealed class WebhookTests(StackFixture stack)
{
    private readonly NotificationsClient _notifications = new(stack.Channel("notifications"));

    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    [Fact]
    public async Task A_delivery_carries_a_signature_that_verifies_with_the_documented_algorithm()
    {
        using var receiver = new HttpListener();
        var port = FreePort();
        receiver.Prefixes.Add($"http://127.0.0.1:{port}/hooks/");
        receiver.Start();
        const string secret = "whsec-integration-test-0123456789";
        var subscription = await _notifications.CreateWebhookSubscriptionAsync(new CreateWebhookSubscriptionRequest
        {
            Url = $"http://127.0.0.1:{port}/hooks/ksst", EventTypes = { "ksst.registration.participant-accepted.v1" }, Secret = secret,
        }, deadline: Deadline);
        try
        {
            var batch = await TestBatches.OpenAsync(stack, admitOnArrival: true);
            var nomination = await new NominationsClient(stack.Channel("registration")).NominateAsync(TestBatches.Nomination(batch.BatchId, "NP"), deadline: Deadline);

            using var cts = new CancellationTokenSource(StackFixture.Timeout);
            string body;
            NameValueHeaders headers;
            while (true)
            {
                var context = await receiver.GetContextAsync().WaitAsync(cts.Token);
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                {
                    body = await reader.ReadToEndAsync(cts.Token);
                }
                headers = new NameValueHeaders(context.Request.Headers);
                context.Response.StatusCode = 204;
                context.Response.Close();
                if (body.Contains(nomination.NominationId, StringComparison.Ordinal))
                {
                    break;
                }
            }

            // docs/webhooks.md: "v1=" + hex(HMAC-SHA256(secret, "{timestamp}.{body}")).
            var timestamp = headers["Ksst-Webhook-Timestamp"];
            var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
            Assert.Equal(expected, headers["Ksst-Webhook-Signature"]);
            Assert.Equal("ksst.registration.participant-accepted.v1", headers["Ksst-Webhook-Event"]);
            Assert.InRange(long.Parse(timestamp), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
            using var json = JsonDocument.Parse(body);
            Assert.Equal("ksst.registration.participant-accepted.v1", json.RootElement.GetProperty("type").GetString());
            Assert.Equal(nomination.NominationId, json.RootElement.GetProperty("data").GetProperty("nominationId").GetString());
            Assert.DoesNotContain("passport", body, StringComparison.OrdinalIgnoreCase);

            var log = await Eventually.Get(async ct =>
                (await _notifications.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { SubscriptionId = subscription.SubscriptionId }, cancellationToken: ct))
                    .Deliveries.FirstOrDefault(d => d.DeliveryId == headers["Ksst-Webhook-Id"] && d.Status == DeliveryStatus.Sent),
                StackFixture.Timeout, "the webhook delivery logged as sent");
            Assert.Equal(1, log.Attempts);
        }
        finally
        {
            await _notifications.DeleteWebhookSubscriptionAsync(new DeleteWebhookSubscriptionRequest { SubscriptionId = subscription.SubscriptionId }, deadline: Deadline);
        }
    }

    [Fact]
    public async Task A_subscription_to_a_non_http_url_or_an_unknown_event_names_its_fields()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _notifications.CreateWebhookSubscriptionAsync(new CreateWebhookSubscriptionRequest
        {
            Url = "file:///etc/passwd", EventTypes = { "ksst.registration.no-such-event.v1" }, Secret = "short",
        }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["event_types", "secret", "url"], error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).Order());
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private sealed class NameValueHeaders(System.Collections.Specialized.NameValueCollection headers)
    {
        public string this[string name] => headers[name] ?? throw new InvalidOperationException($"No {name} header.");
    }
}
