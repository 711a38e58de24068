using System.Net;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Ksst.Contracts.Notifications.V1;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;

namespace Ksst.IntegrationTests.Platform;

/// <summary>
/// Requests that are not a valid message (a string field with invalid UTF-8, a truncated
/// message, a JSON body that is not UTF-8) are INVALID_ARGUMENT / HTTP 400 on every service.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class MalformedRequestTests(StackFixture stack)
{
    /// <summary>Stands in a string field for bytes that are then made invalid UTF-8.</summary>
    private const string Marker = "~~";

    private static readonly byte[] InvalidUtf8 = [0xC3, 0x28];

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    public static TheoryData<string, string, string, string> Calls => new()
    {
        { "registration", "ksst.registration.v1.Nominations", "Nominate", "ksst.registration.v1.NominateRequest" },
        { "scheduling", "ksst.scheduling.v1.Scheduling", "CreateVenue", "ksst.scheduling.v1.CreateVenueRequest" },
        { "notifications", "ksst.notifications.v1.Notifications", "CreateWebhookSubscription", "ksst.notifications.v1.CreateWebhookSubscriptionRequest" },
    };

    /// <summary>A valid request of each call, with <see cref="Marker"/> in one of its string fields.</summary>
    private static byte[] ValidRequest(string method) => method switch
    {
        "Nominate" => WithMarker(TestBatches.Nomination("ksst-sme-2018"), r => r.Participant.FullName = $"Sujata {Marker} Shrestha", r => r.RequestId = "request-0123456789"),
        "CreateVenue" => new CreateVenueRequest { Venue = new Venue { VenueId = "utf8-venue", Name = $"Balai {Marker} Besar", City = "Bandung", Capacity = 40 } }.ToByteArray(),
        _ => new CreateWebhookSubscriptionRequest { Url = "http://127.0.0.1:9/hooks", EventTypes = { "*" }, Secret = $"whsec-0123456789-{Marker}-abcdef" }.ToByteArray(),
    };

    private static byte[] WithMarker<T>(T message, params Action<T>[] set) where T : IMessage
    {
        foreach (var s in set)
        {
            s(message);
        }
        return message.ToByteArray();
    }

    private async Task<RpcException> CallAsync(string resource, string service, string method, byte[] body)
    {
        var invoker = stack.Channel(resource).CreateCallInvoker();
        var call = new Method<byte[], byte[]>(MethodType.Unary, service, method, Raw, Raw);
        return await Assert.ThrowsAsync<RpcException>(() =>
            invoker.AsyncUnaryCall(call, null, new CallOptions(deadline: DateTime.UtcNow + StackFixture.Timeout), body).ResponseAsync);
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_string_field_with_invalid_utf8_is_an_invalid_argument(string resource, string service, string method, string message)
    {
        var bytes = ValidRequest(method);
        var at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Marker));
        Assert.True(at >= 0);
        InvalidUtf8.CopyTo(bytes, at);

        var error = await CallAsync(resource, service, method, bytes);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal($"The request is not a valid {message}: a string field holds invalid UTF-8.", error.Status.Detail);
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_truncated_message_is_an_invalid_argument(string resource, string service, string method, string message)
    {
        var bytes = ValidRequest(method);

        var error = await CallAsync(resource, service, method, bytes[..^3]);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith($"The request is not a valid {message}: ", error.Status.Detail);
    }

    public static TheoryData<string, string, string> JsonCalls => new()
    {
        { "registration", "/api/v1/batches/ksst-sme-2018/nominations", "requestId" },
        { "scheduling", "/api/v1/venues", "name" },
        { "notifications", "/api/v1/webhooks", "secret" },
    };

    [Theory]
    [MemberData(nameof(JsonCalls))]
    public async Task A_json_body_with_invalid_utf8_or_cut_short_is_http_400(string resource, string path, string field)
    {
        using var http = stack.Http(resource);
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var start = Encoding.UTF8.GetBytes($"{{\"{field}\": \"Bal");
        byte[] invalid = [.. start, .. InvalidUtf8, .. "\"}"u8];

        foreach (var body in new[] { invalid, start })
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            using var response = await http.PostAsync(path, content, cts.Token);
            var text = await response.Content.ReadAsStringAsync(cts.Token);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"HTTP {(int)response.StatusCode}: {text}");
            using var status = JsonDocument.Parse(text);
            Assert.Equal((int)StatusCode.InvalidArgument, status.RootElement.GetProperty("code").GetInt32());
        }
    }
}
