using System.Text;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using StackExchange.Redis;
using Xunit.Abstractions;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.IntegrationTests.Notifications;

/// <summary>A stack of its own: this test stops Registration for longer than a brief retry lasts.</summary>
[CollectionDefinition(Name)]
public sealed class RegistrationOutageCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "registration-outage";
}

[Collection(RegistrationOutageCollection.Name)]
public sealed class RegistrationOutageTests(StackFixture stack, ITestOutputHelper output)
{
    private const string Queue = "notifications-participant-accepted";

    [Fact]
    public async Task A_notice_whose_contact_cannot_be_read_while_Registration_is_down_is_mailed_once_when_it_is_back()
    {
        var registration = new NominationsClient(stack.Channel("registration"));
        var mail = new MailServer(stack.Http("mail"));
        var batch = await TestBatches.OpenAsync(stack);
        var request = TestBatches.Nomination(batch.BatchId, "PK", "Ayesha Khan");
        var nomination = await registration.NominateAsync(request, deadline: DateTime.UtcNow + StackFixture.Timeout);
        await Eventually.Get(ct => mail.FindToAsync(request.Participant.Email, ct), StackFixture.Timeout, "the nomination email");

        // The contact must come from Registration again: forget the cached one.
        var redisConnection = await stack.App.GetConnectionStringAsync("cache") ?? throw new InvalidOperationException("No Redis.");
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(redisConnection).WaitAsync(StackFixture.Timeout))
        {
            Assert.True(await redis.GetDatabase().KeyDeleteAsync($"ksst:notifications:contact:v2:{Guid.Parse(nomination.NominationId)}"));
        }

        await stack.StopAsync("registration", mustSucceed: false);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var away = await Assert.ThrowsAsync<RpcException>(() => registration.GetNominationAsync(
            new GetNominationRequest { NominationId = nomination.NominationId }, deadline: DateTime.UtcNow.AddSeconds(5)).ResponseAsync);
        output.WriteLine($"A call to Registration while it is down: {away.StatusCode} after {watch.ElapsedMilliseconds} ms");

        // An acceptance reaches Notifications while Registration is down (as one the outbox relay
        // published just before it went away): its notice needs the participant's contact.
        await SendAcceptedAsync(batch.BatchId, nomination.NominationId);

        // Down for longer than the brief retry lasts (six attempts over about 12 s, each up to the
        // 5 s call deadline: at most about 45 s).
        await Task.Delay(TimeSpan.FromSeconds(60));
        await stack.StartAsync("registration");

        var accepted = await Eventually.Get(ct => FirstAcceptedAsync(mail, request.Participant.Email, ct),
            StackFixture.Timeout * 2, "the acceptance email after Registration is back");
        Assert.StartsWith("Accepted: Ayesha Khan", accepted.Subject);
        using var check = new CancellationTokenSource(StackFixture.Timeout);
        Assert.Single(await mail.ListAsync(check.Token), m => m.Subject.StartsWith("Accepted: ", StringComparison.Ordinal)
            && m.To.Any(t => t.Contains(request.Participant.Email, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(0u, await ErrorQueueLengthAsync());
    }

    private static async Task<MailServer.Message?> FirstAcceptedAsync(MailServer mail, string address, CancellationToken ct) =>
        (await mail.ListAsync(ct)).FirstOrDefault(m => m.Subject.StartsWith("Accepted: ", StringComparison.Ordinal)
            && m.To.Any(t => t.Contains(address, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Puts a ParticipantAccepted event, in MassTransit's JSON envelope, straight onto Notifications' queue for it.</summary>
    private async Task SendAcceptedAsync(string batchId, string nominationId)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        await using var connection = await ConnectAsync(cts.Token);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cts.Token);
        var eventId = Guid.NewGuid();
        var envelope = new
        {
            messageId = eventId,
            messageType = new[] { "urn:message:Ksst.Contracts.Events:ParticipantAccepted" },
            sentTime = DateTimeOffset.UtcNow,
            message = new { eventId, occurredAt = DateTimeOffset.UtcNow, batchId, nominationId = Guid.Parse(nominationId), country = "PK", preferredLanguage = "en" },
        };
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = eventId.ToString(), Persistent = true };
        await channel.BasicPublishAsync("", Queue, mandatory: true, properties, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope)), cts.Token);
    }

    /// <summary>Messages in the event's error queue; none when MassTransit never made one.</summary>
    private async Task<uint> ErrorQueueLengthAsync()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        await using var connection = await ConnectAsync(cts.Token);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cts.Token);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(Queue + "_error", cts.Token)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken ct)
    {
        var uri = await stack.App.GetConnectionStringAsync("messaging", ct) ?? throw new InvalidOperationException("No broker.");
        return await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync(ct);
    }
}
