using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Google.Rpc;
using Grpc.Core;
using Ksst.Contracts.Audit.V1;
using Ksst.Contracts.Notifications.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;

namespace Ksst.IntegrationTests.Access;

/// <summary>
/// An organiser of one programme (the demo's "organiser-other", of it-other-programme) has the
/// audit log and webhooks of their programme's batches, one batch at a time, and nothing of
/// another programme's: the log of their batch but not of the whole service or another batch,
/// and webhook subscriptions to their batch, which receive that batch's events only.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ProgrammeOrganiserTests(StackFixture stack)
{
    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    private static async Task<(StatusCode Code, string Reason)> RefusalAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        return (error.StatusCode, error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? "");
    }

    [Fact]
    public async Task An_organiser_of_one_programme_reads_the_audit_log_of_its_batches_one_at_a_time()
    {
        var theirs = await TestBatches.OpenAsync(stack, programmeId: Contracts.Identity.DemoCredentials.OtherProgramme);
        var another = await TestBatches.OpenAsync(stack);
        var nomination = await new NominationsClient(stack.Channel("registration")).NominateAsync(TestBatches.Nomination(theirs.BatchId), deadline: Deadline);

        foreach (var service in new[] { "registration", "scheduling", "notifications" })
        {
            var log = new AuditLog.AuditLogClient(stack.Channel(service, "organiser-other"));
            var page = await log.ListAuditEntriesAsync(new ListAuditEntriesRequest { BatchId = theirs.BatchId }, deadline: Deadline);
            Assert.All(page.Entries, e => Assert.Equal(theirs.BatchId, e.BatchId));
            if (service == "registration")
            {
                Assert.Contains(page.Entries, e => e.Resource.Id == nomination.NominationId);
            }
            Assert.Equal((StatusCode.PermissionDenied, "NOT_LEAD_ORGANISER"),
                await RefusalAsync(() => log.ListAuditEntriesAsync(new ListAuditEntriesRequest(), deadline: Deadline).ResponseAsync));
            Assert.Equal((StatusCode.PermissionDenied, "NOT_ORGANISER"),
                await RefusalAsync(() => log.ListAuditEntriesAsync(new ListAuditEntriesRequest { BatchId = another.BatchId }, deadline: Deadline).ResponseAsync));
            Assert.Equal(StatusCode.NotFound,
                (await RefusalAsync(() => log.ListAuditEntriesAsync(new ListAuditEntriesRequest { BatchId = "it-no-such-batch" }, deadline: Deadline).ResponseAsync)).Code);
        }
    }

    [Fact]
    public async Task An_organiser_of_one_programme_subscribes_a_webhook_to_its_batch_and_receives_that_batchs_events_only()
    {
        var theirs = await TestBatches.OpenAsync(stack, programmeId: Contracts.Identity.DemoCredentials.OtherProgramme);
        var another = await TestBatches.OpenAsync(stack);
        using var receiver = new HttpListener();
        var port = FreePort();
        receiver.Prefixes.Add($"http://127.0.0.1:{port}/hooks/");
        receiver.Start();
        var received = new ConcurrentQueue<(string Path, string Body)>();
        using var stop = new CancellationTokenSource(StackFixture.Timeout * 3);
        var receiving = ReceiveAsync(receiver, received, stop.Token);

        const string Nominated = "ksst.registration.participant-nominated.v1";
        var other = new NotificationsClient(stack.Channel("notifications", "organiser-other"));
        var lead = new NotificationsClient(stack.Channel("notifications"));
        var url = $"http://127.0.0.1:{port}/hooks/";
        var scoped = await other.CreateWebhookSubscriptionAsync(new CreateWebhookSubscriptionRequest { Url = url + "theirs", EventTypes = { Nominated }, BatchId = theirs.BatchId }, deadline: Deadline);
        var everyBatch = await lead.CreateWebhookSubscriptionAsync(new CreateWebhookSubscriptionRequest { Url = url + "every", EventTypes = { Nominated } }, deadline: Deadline);
        try
        {
            Assert.Equal(theirs.BatchId, scoped.BatchId);
            Assert.Equal("", everyBatch.BatchId);
            Assert.Equal((StatusCode.PermissionDenied, "NOT_LEAD_ORGANISER"), await RefusalAsync(() => other.CreateWebhookSubscriptionAsync(
                new CreateWebhookSubscriptionRequest { Url = url + "x", EventTypes = { Nominated } }, deadline: Deadline).ResponseAsync));
            Assert.Equal((StatusCode.PermissionDenied, "NOT_ORGANISER"), await RefusalAsync(() => other.CreateWebhookSubscriptionAsync(
                new CreateWebhookSubscriptionRequest { Url = url + "x", EventTypes = { Nominated }, BatchId = another.BatchId }, deadline: Deadline).ResponseAsync));

            var organiser = new NominationsClient(stack.Channel("registration"));
            var inTheirs = await organiser.NominateAsync(TestBatches.Nomination(theirs.BatchId), deadline: Deadline);
            var inAnother = await organiser.NominateAsync(TestBatches.Nomination(another.BatchId), deadline: Deadline);

            // Once the every-batch subscription has had both events, the fan-out of both is done.
            await Eventually.Get(_ => Task.FromResult<object?>(
                received.Any(r => r.Path.EndsWith("every", StringComparison.Ordinal) && r.Body.Contains(inTheirs.NominationId, StringComparison.Ordinal))
                && received.Any(r => r.Path.EndsWith("every", StringComparison.Ordinal) && r.Body.Contains(inAnother.NominationId, StringComparison.Ordinal)) ? true : null),
                StackFixture.Timeout, "both events at the every-batch subscription");
            var deliveries = await other.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { SubscriptionId = scoped.SubscriptionId }, deadline: Deadline);
            Assert.Single(deliveries.Deliveries);
            await Eventually.Get(_ => Task.FromResult<object?>(received.Any(r => r.Path.EndsWith("theirs", StringComparison.Ordinal)) ? true : null),
                StackFixture.Timeout, "the event of their batch at their subscription");
            Assert.All(received.Where(r => r.Path.EndsWith("theirs", StringComparison.Ordinal)), r =>
            {
                Assert.Contains(inTheirs.NominationId, r.Body, StringComparison.Ordinal);
                Assert.DoesNotContain(inAnother.NominationId, r.Body, StringComparison.Ordinal);
            });

            // They list, read and delete their own subscription, and none of the others.
            Assert.Equal((StatusCode.PermissionDenied, "NAME_A_BATCH"),
                await RefusalAsync(() => other.ListWebhookSubscriptionsAsync(new ListWebhookSubscriptionsRequest(), deadline: Deadline).ResponseAsync));
            var listed = await other.ListWebhookSubscriptionsAsync(new ListWebhookSubscriptionsRequest { BatchId = theirs.BatchId }, deadline: Deadline);
            Assert.Equal([scoped.SubscriptionId], listed.Subscriptions.Select(s => s.SubscriptionId));
            Assert.Equal(StatusCode.PermissionDenied, (await RefusalAsync(() => other.ListWebhookDeliveriesAsync(
                new ListWebhookDeliveriesRequest { SubscriptionId = everyBatch.SubscriptionId }, deadline: Deadline).ResponseAsync)).Code);
            Assert.Equal(StatusCode.PermissionDenied, (await RefusalAsync(() => other.DeleteWebhookSubscriptionAsync(
                new DeleteWebhookSubscriptionRequest { SubscriptionId = everyBatch.SubscriptionId }, deadline: Deadline).ResponseAsync)).Code);
            Assert.Contains((await lead.ListWebhookSubscriptionsAsync(new ListWebhookSubscriptionsRequest(), deadline: Deadline)).Subscriptions,
                s => s.SubscriptionId == scoped.SubscriptionId);
            await other.DeleteWebhookSubscriptionAsync(new DeleteWebhookSubscriptionRequest { SubscriptionId = scoped.SubscriptionId }, deadline: Deadline);
        }
        finally
        {
            await lead.DeleteWebhookSubscriptionAsync(new DeleteWebhookSubscriptionRequest { SubscriptionId = everyBatch.SubscriptionId }, deadline: Deadline);
            await stop.CancelAsync();
            receiver.Stop();
            await receiving;
        }
    }

    private static async Task ReceiveAsync(HttpListener receiver, ConcurrentQueue<(string, string)> received, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await receiver.GetContextAsync().WaitAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                received.Enqueue((context.Request.Url!.AbsolutePath, await reader.ReadToEndAsync(ct)));
            }
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
