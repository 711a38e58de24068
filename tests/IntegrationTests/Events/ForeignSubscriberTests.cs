using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.IntegrationTests.Events;

/// <summary>
/// A subscriber outside this repository, written from docs/events.md alone: the plain RabbitMQ
/// client, its own queue bound to the documented exchanges, no MassTransit.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ForeignSubscriberTests(StackFixture stack)
{
    private const string Nominated = "ksst.registration.participant-nominated.v1";
    private const string Accepted = "ksst.registration.participant-accepted.v1";

    [Fact]
    public async Task A_plain_amqp_subscriber_receives_the_documented_event_in_the_callers_trace()
    {
        await using var subscriber = await BrokerSubscription.StartAsync(stack, Nominated, Accepted);
        var batch = await TestBatches.OpenAsync(stack, admitOnArrival: true);
        var traceId = ActivityTraceId.CreateRandom();
        var headers = new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01" } };

        var nomination = await new NominationsClient(stack.Channel("registration"))
            .NominateAsync(TestBatches.Nomination(batch.BatchId, "LK"), headers, DateTime.UtcNow + StackFixture.Timeout);

        var delivery = await subscriber.WaitForDeliveryAsync($"\"{nomination.NominationId}\"", StackFixture.Timeout);
        while (delivery.Exchange != Nominated)
        {
            delivery = await subscriber.WaitForDeliveryAsync($"\"{nomination.NominationId}\"", StackFixture.Timeout);
        }

        // The envelope, as documented.
        var envelope = JsonNode.Parse(delivery.Body)!.AsObject();
        var message = envelope["message"]!.AsObject();
        Assert.Equal(message["eventId"]!.GetValue<string>(), envelope["messageId"]!.GetValue<string>());
        Assert.Contains("urn:message:Ksst.Contracts.Events:ParticipantNominated", envelope["messageType"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("application/vnd.masstransit+json", delivery.Properties.ContentType);
        Assert.Equal(message["eventId"]!.GetValue<string>(), delivery.Properties.MessageId);

        // The fields, exactly those of the published sample.
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "events", Nominated + ".json")))!.AsObject();
        Assert.Equal(sample.Select(p => p.Key).Order(), message.Select(p => p.Key).Order());
        Assert.Equal(nomination.NominationId, message["nominationId"]!.GetValue<string>());
        Assert.Equal(batch.BatchId, message["batchId"]!.GetValue<string>());
        Assert.Equal("LK", message["country"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.String, JsonSerializer.SerializeToElement(message["occurredAt"]).ValueKind);

        // The trace context: the caller's trace id, in W3C form, in a header.
        var activityId = Encoding.UTF8.GetString((byte[])delivery.Properties.Headers!["MT-Activity-Id"]!);
        Assert.Equal(traceId.ToString(), activityId.Split('-')[1]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ksst.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Ksst.sln not found.");
    }
}
