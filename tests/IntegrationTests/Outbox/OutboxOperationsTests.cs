using System.Text;
using System.Text.RegularExpressions;
using Grpc.Core;
using Ksst.Contracts.Notifications.V1;
using Ksst.Contracts.Operations.V1;
using Microsoft.Data.Sqlite;
using RabbitMQ.Client;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;
using OutboxClient = Ksst.Contracts.Operations.V1.OutboxOperations.OutboxOperationsClient;

namespace Ksst.IntegrationTests.Outbox;

/// <summary>A stack whose Registration outbox rows are dead after three failures of their own.</summary>
public sealed class OutboxOperationsStack : StackFixture
{
    /// <summary>Outbox:MaxAttempts of Registration here.</summary>
    public const int MaxAttempts = 3;

    protected override IEnumerable<string> Settings => [$"--Ksst:Env:registration:Outbox__MaxAttempts={MaxAttempts}"];
}

/// <summary>A stack of its own: these tests stop the broker and a service, and change the broker's topology.</summary>
[CollectionDefinition(Name)]
public sealed class OutboxOperationsCollection : ICollectionFixture<OutboxOperationsStack>
{
    public const string Name = "outbox-operations";
}

/// <summary>
/// Issue 13, "no event lost": mandatory publishes, subscriber queues before the first publish,
/// broker outages that spend no attempts, dead rows an operator retries, and error queues
/// counted and drained — on the real broker, through the operator commands of ./ksst.
/// </summary>
[Collection(OutboxOperationsCollection.Name)]
public sealed class OutboxOperationsTests(OutboxOperationsStack stack)
{
    private const string Nominated = "ksst.registration.participant-nominated.v1";
    private const string NotificationsNominated = "notifications-participant-nominated";

    private OutboxClient Outbox(string service) => new(stack.Channel(service, "ops"));

    private async Task<IReadOnlyList<OutboxEvent>> EventsAsync(string service, OutboxEventState state, CancellationToken ct) =>
        (await Outbox(service).ListOutboxEventsAsync(new ListOutboxEventsRequest { State = state }, cancellationToken: ct)).Events;

    [Fact]
    public async Task An_event_whose_subscriber_queue_does_not_exist_yet_waits_in_the_outbox_and_is_published_once_its_service_declares_it()
    {
        var batch = await TestBatches.OpenAsync(stack);
        await using var broker = await StackBroker.OpenAsync(stack);
        // As on a broker where Notifications has never run: no queue of its for nominations.
        await stack.StopAsync("notifications", mustSucceed: false);
        await broker.UseAsync((channel, ct) => channel.QueueDeleteAsync(NotificationsNominated, cancellationToken: ct));
        await using var foreign = await BrokerSubscription.StartAsync(stack, Nominated);
        var request = TestBatches.Nomination(batch.BatchId, "LK", "Nimal Perera");
        var nomination = await new NominationsClient(stack.Channel("registration")).NominateAsync(request, deadline: DateTime.UtcNow + StackFixture.Timeout);

        // Scheduling's queue is there (and a foreign one): a plain or mandatory publish would go
        // out, and Notifications would never know. The relay holds the event instead.
        var waiting = await Eventually.Get(async ct => (await EventsAsync("registration", OutboxEventState.Pending, ct))
            .FirstOrDefault(e => e.LastError.Contains(NotificationsNominated, StringComparison.Ordinal)), StackFixture.Timeout, "the event waiting for its subscriber queue");
        Assert.Equal(0, waiting.Attempts);
        await Assert.ThrowsAsync<TimeoutException>(() => foreign.WaitForAsync(nomination.NominationId, TimeSpan.FromSeconds(3)));

        await stack.StartAsync("notifications"); // declares its queues
        await foreign.WaitForAsync(nomination.NominationId, StackFixture.Timeout);
        var mail = new MailServer(stack.Http("mail"));
        var email = await Eventually.Get(ct => mail.FindToAsync(request.Participant.Email, ct), StackFixture.Timeout, "the nomination email");
        Assert.StartsWith("Nomination received: ", email.Subject);
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        Assert.DoesNotContain(await EventsAsync("registration", OutboxEventState.Pending, cts.Token), e => e.EventId == waiting.EventId);
    }

    [Fact]
    public async Task A_publish_that_no_queue_receives_comes_back_and_is_retried_until_its_queue_is_bound_again()
    {
        var notifications = new NotificationsClient(stack.Channel("notifications"));
        // The first batch opened: the relay has checked and bound the exchange's one queue.
        var first = await TestBatches.OpenAsync(stack);
        await BatchDeliveriesAsync(notifications, first.BatchId);
        var returnedBefore = Returned();

        // Someone unbinds it behind the relay's back: the exchange now reaches no queue at all.
        await using var broker = await StackBroker.OpenAsync(stack);
        await broker.UseAsync((channel, ct) => channel.ExchangeUnbindAsync("notifications-batch-opened", "ksst.registration.batch-opened.v1", "", cancellationToken: ct));
        var second = await TestBatches.OpenAsync(stack);

        // The mandatory publish came back (MassTransit's MessageReturnedException), counted as a
        // failure of the row; the relay bound the queue again and the next attempt reached it.
        await BatchDeliveriesAsync(notifications, second.BatchId);
        await Eventually.Get(_ => Task.FromResult(Returned() > returnedBefore ? "" : null), StackFixture.Timeout,
            $"ksst.outbox.failures{{reason=returned}} above {returnedBefore}:\n{stack.Telemetry.Metrics.Describe("registration", "ksst.outbox.failures")}");
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        Assert.Empty(await EventsAsync("registration", OutboxEventState.Dead, cts.Token));
    }

    [Fact]
    public async Task A_broker_outage_spends_no_attempts_however_long_it_lasts()
    {
        var batch = await TestBatches.OpenAsync(stack);
        await stack.StopAsync("messaging");
        var request = TestBatches.Nomination(batch.BatchId, "BD", "Farhana Akter");
        var nomination = await new NominationsClient(stack.Channel("registration")).NominateAsync(request, deadline: DateTime.UtcNow + StackFixture.Timeout);
        var pending = await Eventually.Get(async ct => (await EventsAsync("registration", OutboxEventState.Pending, ct))
            .FirstOrDefault(e => e.LastError.StartsWith("The broker", StringComparison.Ordinal)), StackFixture.Timeout, "the event tried while the broker is away");

        // Long enough for many more tries than this stack's three attempts per row.
        await Task.Delay(TimeSpan.FromSeconds(20));
        using (var cts = new CancellationTokenSource(StackFixture.Timeout))
        {
            var still = Assert.Single(await EventsAsync("registration", OutboxEventState.Pending, cts.Token), e => e.EventId == pending.EventId);
            Assert.Equal(0, still.Attempts);
        }

        await stack.StartAsync("messaging");
        var mail = new MailServer(stack.Http("mail"));
        await Eventually.Get(ct => mail.FindToAsync(request.Participant.Email, ct), StackFixture.Timeout * 2, "the nomination email after the outage");
        using var after = new CancellationTokenSource(StackFixture.Timeout);
        Assert.DoesNotContain(await EventsAsync("registration", OutboxEventState.Dead, after.Token), e => e.EventId == pending.EventId);
        Assert.NotEmpty(nomination.NominationId);
    }

    [Fact]
    public async Task A_row_that_cannot_be_published_is_dead_after_its_attempts_is_counted_and_an_operator_retries_it()
    {
        // An event of a type this version does not know (as after a rollback): it can never go out.
        var id = Guid.NewGuid();
        await ExecuteAsync("registration",
            "INSERT INTO outbox_messages (Id, Type, Payload, CreatedAt, NextAttemptAt, Attempts) VALUES ($id, 'Ksst.Contracts.Events.ParticipantTeleported', '{}', $now, $now, 0)",
            ("$id", id.ToString().ToUpperInvariant()), ("$now", DateTimeOffset.UtcNow.UtcTicks));

        var dead = await DeadAsync(id, after: null);
        Assert.Equal(OutboxOperationsStack.MaxAttempts, dead.Attempts);
        Assert.Contains("Unknown integration event type", dead.LastError);
        await Eventually.Get(_ => Task.FromResult(stack.Telemetry.Metrics.Latest("registration", "ksst.outbox.dead") >= 1 ? "" : null),
            StackFixture.Timeout, "the dead gauge counting it");

        var (exit, output) = await Ops.RunAsync(stack, "outbox", "list", "registration");
        Assert.True(exit == 0, output);
        Assert.Contains(dead.EventId, output);
        (exit, output) = await Ops.RunAsync(stack, "outbox", "retry", "registration", "--id", dead.EventId);
        Assert.True(exit == 0, output);
        Assert.Contains("1 dead events of registration are pending again", output);

        // The running relay took it again at once: three more attempts, dead again.
        var again = await DeadAsync(id, after: dead.DeadAt.ToDateTimeOffset());
        Assert.Equal(OutboxOperationsStack.MaxAttempts, again.Attempts);

        // The operator's mistakes are named.
        var outbox = Outbox("registration");
        foreach (var (request, code) in new (RetryDeadEventsRequest, StatusCode)[]
        {
            (new(), StatusCode.InvalidArgument),
            (new() { EventId = "not-an-id" }, StatusCode.InvalidArgument),
            (new() { EventId = id.ToString(), All = true }, StatusCode.InvalidArgument),
            (new() { EventId = Guid.NewGuid().ToString() }, StatusCode.NotFound),
        })
        {
            var e = await Assert.ThrowsAsync<RpcException>(() => outbox.RetryDeadEventsAsync(request, deadline: DateTime.UtcNow + StackFixture.Timeout).ResponseAsync);
            Assert.Equal(code, e.StatusCode);
        }
        (exit, output) = await Ops.RunAsync(stack, "outbox", "retry", "registration");
        Assert.Equal(2, exit);
        (exit, output) = await Ops.RunAsync(stack, "outbox", "list", "notifications");
        Assert.Equal(1, exit);
        Assert.Contains("notifications has no outbox", output);

        // Gone (as an operator might delete it), the gauge goes back down.
        await ExecuteAsync("registration", "DELETE FROM outbox_messages WHERE Id = $id", ("$id", id.ToString().ToUpperInvariant()));
        await Eventually.Get(_ => Task.FromResult(stack.Telemetry.Metrics.Latest("registration", "ksst.outbox.dead") == 0 ? "" : null),
            StackFixture.Timeout, "the dead gauge at zero");
    }

    [Fact]
    public async Task A_message_in_an_error_queue_is_counted_and_once_drained_is_handled_once()
    {
        var batch = await TestBatches.OpenAsync(stack);
        await using var foreign = await BrokerSubscription.StartAsync(stack, Nominated);
        var request = TestBatches.Nomination(batch.BatchId, "MV", "Aishath Shifa");
        var nomination = await new NominationsClient(stack.Channel("registration")).NominateAsync(request, deadline: DateTime.UtcNow + StackFixture.Timeout);
        var original = await foreign.WaitForDeliveryAsync(nomination.NominationId, StackFixture.Timeout);
        var mail = new MailServer(stack.Http("mail"));
        await Eventually.Get(ct => mail.FindToAsync(request.Participant.Email, ct), StackFixture.Timeout, "the nomination email");

        // A notice of the same nomination under a new event id, as MassTransit leaves a message
        // whose consumer kept failing: in the consumer's error queue, with its fault headers.
        var eventId = Guid.NewGuid().ToString();
        var body = Regex.Replace(original.Body, original.Properties.MessageId!, eventId, RegexOptions.IgnoreCase);
        var errorQueue = NotificationsNominated + "_error";
        await using var broker = await StackBroker.OpenAsync(stack);
        await broker.UseAsync(async (channel, ct) =>
        {
            // The declaration MassTransit makes for an error queue (durable, no arguments).
            await channel.QueueDeclareAsync(errorQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
            var properties = new BasicProperties(original.Properties) { MessageId = eventId };
            properties.Headers = new Dictionary<string, object?>(properties.Headers ?? new Dictionary<string, object?>())
            {
                ["MT-Reason"] = Encoding.UTF8.GetBytes("fault"),
                ["MT-Fault-Message"] = Encoding.UTF8.GetBytes("Registration did not answer"),
            };
            await channel.BasicPublishAsync("", errorQueue, mandatory: true, properties, Encoding.UTF8.GetBytes(body), ct);
        });
        var tag = ("queue", errorQueue);
        await Eventually.Get(_ => Task.FromResult(stack.Telemetry.Metrics.Latest("notifications", "ksst.messaging.error_queue.messages", tag) == 1 ? "" : null),
            StackFixture.Timeout, $"the error-queue gauge at 1:\n{stack.Telemetry.Metrics.Describe("notifications", "ksst.messaging.error_queue.messages")}");

        var (exit, output) = await Ops.RunAsync(stack, "errors", "drain", NotificationsNominated);
        Assert.True(exit == 0, output);
        Assert.Contains($"{errorQueue}: 1 messages moved back to {NotificationsNominated}.", output);

        // Handled once: one more email to the participant (the notice under its new id), then no more.
        await Eventually.Get(async ct => (await ToAsync(mail, request.Participant.Email, ct)) == 2 ? "" : null, StackFixture.Timeout, "the drained notice's email");
        await Eventually.Get(_ => Task.FromResult(stack.Telemetry.Metrics.Latest("notifications", "ksst.messaging.error_queue.messages", tag) == 0 ? "" : null),
            StackFixture.Timeout, "the error-queue gauge back at 0");
        (exit, output) = await Ops.RunAsync(stack, "errors", "drain");
        Assert.True(exit == 0, output);
        Assert.Contains("0 messages moved back", output);
        await Task.Delay(TimeSpan.FromSeconds(3));
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        Assert.Equal(2, await ToAsync(mail, request.Participant.Email, cts.Token));
    }

    private static async Task<int> ToAsync(MailServer mail, string address, CancellationToken ct) =>
        (await mail.ListAsync(ct)).Count(m => m.To.Any(t => t.Contains(address, StringComparison.OrdinalIgnoreCase)));

    private double Returned() => stack.Telemetry.Metrics.Latest("registration", "ksst.outbox.failures", ("reason", "returned")) ?? 0;

    private static Task<IReadOnlyList<Delivery>> BatchDeliveriesAsync(NotificationsClient notifications, string batchId) =>
        Eventually.Get<IReadOnlyList<Delivery>>(async ct =>
        {
            var deliveries = (await notifications.ListDeliveriesAsync(new ListDeliveriesRequest { BatchId = batchId }, cancellationToken: ct)).Deliveries;
            return deliveries.Count > 0 ? deliveries : null;
        }, StackFixture.Timeout, $"the organisers' notice of batch {batchId}");

    private Task<OutboxEvent> DeadAsync(Guid id, DateTimeOffset? after) =>
        Eventually.Get(async ct => (await EventsAsync("registration", OutboxEventState.Dead, ct))
            .FirstOrDefault(e => e.EventId == id.ToString() && (after is null || e.DeadAt.ToDateTimeOffset() > after)), StackFixture.Timeout, $"event {id} dead");

    private async Task ExecuteAsync(string service, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(stack.DataRoot, service + ".db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=5000; " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync();
    }
}
