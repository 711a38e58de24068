using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Ksst.Contracts.Notifications.V1;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using Xunit.Abstractions;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;
using ProgrammesClient = Ksst.Contracts.Registration.V1.Programmes.ProgrammesClient;
using SchedulingClient = Ksst.Contracts.Scheduling.V1.Scheduling.SchedulingClient;

namespace Ksst.IntegrationTests.Platform;

/// <summary>
/// Issue 13, "No INTERNAL for any input": well over a thousand malformed requests, generated from
/// the descriptors of every RPC of the three services (<see cref="MalformedRequestGenerator"/>),
/// over gRPC and a sample over JSON transcoding (plus JSON of the wrong types). Each is answered
/// as a caller's mistake (or, for a read, OK), never INTERNAL, UNKNOWN or HTTP 500, and nothing
/// any service stores changes.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class MalformedRequestGeneratorTests(StackFixture stack, ITestOutputHelper output) : IDisposable
{
    private const int Seed = 13;
    private const int RequestsPerMethod = 30;
    private const int InFlight = 8;
    private const string MissingBatch = "gen-no-such-batch";

    private readonly ConcurrentDictionary<string, CallInvoker> _invokers = new();
    private readonly ConcurrentDictionary<string, HttpClient> _http = new();
    private readonly ConcurrentDictionary<string, int> _answers = new();

    public void Dispose()
    {
        foreach (var client in _http.Values)
        {
            client.Dispose();
        }
    }

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    private static readonly HashSet<StatusCode> CallersMistakes =
        [StatusCode.OK, StatusCode.InvalidArgument, StatusCode.FailedPrecondition, StatusCode.AlreadyExists, StatusCode.NotFound];

    private static readonly HashSet<HttpStatusCode> HttpCallersMistakes =
        [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.Conflict];

    /// <summary>The services of each resource, from the Contracts assembly's file descriptors.</summary>
    private static IEnumerable<(string Resource, ServiceDescriptor Service)> Services() =>
        typeof(NominateRequest).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(f => f.Package is "ksst.registration.v1" or "ksst.scheduling.v1" or "ksst.notifications.v1")
            .SelectMany(f => f.Services.Select(s => (f.Package.Split('.')[1], s)))
            .OrderBy(s => s.s.FullName, StringComparer.Ordinal);

    [Fact]
    public async Task Malformed_requests_to_every_rpc_are_answered_as_callers_mistakes_and_store_nothing()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var before = await SnapshotAsync(cts.Token);
        var generator = new MalformedRequestGenerator(Seed, Pins(before));
        var calls = new List<Func<Task<string?>>>();
        var grpcCount = 0;
        foreach (var (resource, service) in Services())
        {
            foreach (var method in service.Methods)
            {
                for (var i = 0; i < RequestsPerMethod; i++)
                {
                    var (request, label) = generator.Next(method);
                    var bytes = request.ToByteArray();
                    calls.Add(() => GrpcAsync(resource, method, bytes, label, cts.Token));
                    grpcCount++;
                    if (generator.Chance(0.25) && JsonRoutes.For(method, request) is { } http)
                    {
                        calls.Add(() => JsonAsync(resource, Access.AccessMatrix.AdmittedCaller(method), http, label, cts.Token));
                    }
                }
                for (var i = 0; i < 3; i++)
                {
                    var (request, label) = generator.Next(method);
                    var spoiled = "";
                    if (JsonRoutes.For(method, request, body => spoiled = WrongTypes(generator, body)) is { Content: not null } http)
                    {
                        calls.Add(() => JsonAsync(resource, Access.AccessMatrix.AdmittedCaller(method), http, $"{label}; JSON {spoiled}", cts.Token));
                    }
                }
            }
            var first = service.Methods[0];
            calls.Add(() => GrpcAsync(resource, first, OverOneMebibyte(), $"{first.FullName}: 1 MiB + 1 KiB", cts.Token));
            if (service.Methods.Select(m => JsonRoutes.For(m, m.InputType.Parser.ParseFrom(ByteString.Empty))).FirstOrDefault(r => r?.Content is not null) is { } post)
            {
                post.Content = new StringContent($"{{\"x\":\"{new string('x', 1024 * 1024)}\"}}", Encoding.UTF8, "application/json");
                calls.Add(() => JsonAsync(resource, "organiser", post, $"{service.FullName}: a JSON body over 1 MiB", cts.Token));
            }
        }

        foreach (var (resource, method, request, label) in Boundaries(before))
        {
            var bytes = request.ToByteArray();
            calls.Add(() => GrpcAsync(resource, method, bytes, label, cts.Token));
            if (JsonRoutes.For(method, request) is { } http)
            {
                calls.Add(() => JsonAsync(resource, Access.AccessMatrix.AdmittedCaller(method), http, label, cts.Token));
            }
        }

        var failures = new ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(InFlight);
        await Task.WhenAll(calls.Select(async call =>
        {
            await gate.WaitAsync(cts.Token);
            try
            {
                if (await call() is { } failure)
                {
                    failures.Add(failure);
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        output.WriteLine($"{grpcCount} gRPC requests, {calls.Count - grpcCount} JSON: {string.Join(", ", _answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} {a.Value}"))}");
        Assert.True(grpcCount >= 1000, $"only {grpcCount} requests");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {calls.Count} requests were not answered as a caller's mistake:\n{string.Join("\n", failures.Order().Take(40))}");
        var after = await SnapshotAsync(cts.Token);
        Assert.Equal(before, after);
    }

    /// <summary>The fields of mutating RPCs that keep a value no valid change can have: an existing id to create, a missing one to change.</summary>
    private static Dictionary<string, string[]> Pins(IReadOnlyDictionary<string, string> state)
    {
        string[] missingBatch = [MissingBatch, "", "Bad Id!"];
        string[] unknownId = ["8f7c2a7e-3a1d-4c0e-9a8b-0d1e2f3a4b5c", "", "not-a-uuid", "00000000-0000-0000-0000-000000000000"];
        var venues = JsonNode.Parse(state["venues"])!["venues"]?.AsArray().Select(v => (string)v!["venueId"]!).ToList() ?? [];
        var speakers = JsonNode.Parse(state["speakers"])!["speakers"]?.AsArray().Select(v => (string)v!["speakerId"]!).ToList() ?? [];
        return new()
        {
            ["ksst.registration.v1.Nominations.Nominate:batch_id"] = ["ksst-sme-2018", .. missingBatch], // batch 3 is closed
            ["ksst.registration.v1.Nominations.AcceptNomination:nomination_id"] = unknownId,
            ["ksst.registration.v1.Nominations.RejectNomination:nomination_id"] = unknownId,
            ["ksst.registration.v1.Nominations.ConfirmNomination:nomination_id"] = unknownId,
            ["ksst.registration.v1.Nominations.RecordAttendance:nomination_id"] = unknownId,
            ["ksst.registration.v1.Nominations.WithdrawNomination:nomination_id"] = unknownId,
            ["ksst.registration.v1.Programmes.CreateProgramme:programme.programme_id"] = ["ksst-sme", " ksst-sme", "", "x"],
            ["ksst.registration.v1.Programmes.UpdateProgramme:programme.programme_id"] = ["gen-no-such-programme", "", "Bad Id!"],
            ["ksst.registration.v1.Programmes.CreateBatch:batch.batch_id"] = ["ksst-sme-2018", "", "Bad Id!"],
            ["ksst.registration.v1.Programmes.UpdateBatch:batch.batch_id"] = missingBatch,
            ["ksst.registration.v1.Programmes.ChangeBatchStatus:batch_id"] = missingBatch,
            ["ksst.scheduling.v1.Scheduling.ReconcileRoster:batch_id"] = ["ksst-sme-2018", .. missingBatch],
            ["ksst.scheduling.v1.Scheduling.SplitIntoGroups:batch_id"] = missingBatch,
            ["ksst.scheduling.v1.Scheduling.AssignToGroup:batch_id"] = missingBatch,
            ["ksst.scheduling.v1.Scheduling.CreateVenue:venue.venue_id"] = [.. venues, .. venues.Select(v => $" {v} "), "", "   "],
            ["ksst.scheduling.v1.Scheduling.CreateSpeaker:speaker.speaker_id"] = [.. speakers, "", "   "],
            ["ksst.scheduling.v1.Scheduling.ScheduleSession:session.batch_id"] = missingBatch,
            ["ksst.scheduling.v1.Scheduling.RescheduleSession:session_id"] = unknownId,
            ["ksst.scheduling.v1.Scheduling.CancelSession:session_id"] = unknownId,
            ["ksst.notifications.v1.Notifications.ResendDelivery:delivery_id"] = unknownId,
            ["ksst.notifications.v1.Notifications.ResendWebhookDelivery:delivery_id"] = unknownId,
            ["ksst.notifications.v1.Notifications.DeleteWebhookSubscription:subscription_id"] = unknownId,
            // Private addresses are allowed in tests: only URLs no service takes.
            ["ksst.notifications.v1.Notifications.CreateWebhookSubscription:url"] = ["", "ftp://127.0.0.1/hooks", "http://user:secret@127.0.0.1:9/hooks", "not a url", "/hooks"],
        };
    }

    /// <summary>
    /// Requests valid in every field but at the ends of a range, where a handler's arithmetic
    /// (time zones, page offsets, day counts) could run out of its type; none can change anything.
    /// </summary>
    private static IEnumerable<(string Resource, MethodDescriptor Method, IMessage Request, string Label)> Boundaries(IReadOnlyDictionary<string, string> state)
    {
        var scheduling = Ksst.Contracts.Scheduling.V1.Scheduling.Descriptor;
        var nominations = Ksst.Contracts.Registration.V1.Nominations.Descriptor;
        var venue = JsonNode.Parse(state["venues"])!["venues"]?.AsArray().Select(v => (string)v!["venueId"]!).FirstOrDefault() ?? "kemenperin-jakarta";
        var sessionId = JsonNode.Parse(state["sessions of ksst-sme-2018"])!["sessions"]?.AsArray().Select(v => (string)v!["sessionId"]!).FirstOrDefault() ?? "";
        var ends = new (DateTime Start, DateTime End, string What)[]
        {
            (DateTime.MinValue, DateTime.MinValue.AddHours(1), "the first hour of 0001-01-01"),
            (DateTime.MaxValue.AddHours(-1), DateTime.MaxValue, "the last hour of 9999-12-31"),
            (DateTime.MinValue, DateTime.MaxValue, "all of time"),
        };
        foreach (var (start, end, what) in ends)
        {
            foreach (var id in new[] { "", sessionId })
            {
                var session = new Session
                {
                    SessionId = id, BatchId = "ksst-sme-2018", Kind = SessionKind.Class, Title = "Boundary", VenueId = venue,
                    Start = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.SpecifyKind(start, DateTimeKind.Utc)),
                    End = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.SpecifyKind(end, DateTimeKind.Utc)),
                };
                yield return ("scheduling", scheduling.FindMethodByName("CheckSession"), new CheckSessionRequest { Session = session }, $"CheckSession {(id.Length > 0 ? "of an existing session " : "")}in {what}");
            }
        }
        foreach (var date in new[] { "0001-01-01", "9999-12-31", "2018-07-23" })
        {
            yield return ("scheduling", scheduling.FindMethodByName("GetAgenda"), new GetAgendaRequest { BatchId = "ksst-sme-2018", Date = date }, $"GetAgenda of {date}");
        }
        foreach (var offset in new[] { int.MaxValue, int.MaxValue - 1, 199 })
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"ksst-page:{offset}"));
            yield return ("registration", nominations.FindMethodByName("ListNominations"), new ListNominationsRequest { BatchId = "ksst-sme-2018", PageSize = 200, PageToken = token }, $"ListNominations from offset {offset}");
        }
    }

    private async Task<string?> GrpcAsync(string resource, MethodDescriptor method, byte[] body, string label, CancellationToken ct)
    {
        var call = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Raw, Raw);
        try
        {
            var caller = Access.AccessMatrix.AdmittedCaller(method);
            await _invokers.GetOrAdd($"{resource} {caller}", _ => stack.Channel(resource, caller).CreateCallInvoker())
                .AsyncUnaryCall(call, null, new CallOptions(deadline: DateTime.UtcNow + StackFixture.Timeout, cancellationToken: ct), body);
            _answers.AddOrUpdate("gRPC OK", 1, (_, n) => n + 1);
            return null;
        }
        catch (RpcException e)
        {
            _answers.AddOrUpdate($"gRPC {e.StatusCode}", 1, (_, n) => n + 1);
            return CallersMistakes.Contains(e.StatusCode) ? null : $"gRPC {e.StatusCode} \"{e.Status.Detail}\": {label}";
        }
    }

    private async Task<string?> JsonAsync(string resource, string caller, HttpRequestMessage request, string label, CancellationToken ct)
    {
        using var response = await _http.GetOrAdd($"{resource} {caller}", _ => stack.Http(resource, caller)).SendAsync(request, ct);
        _answers.AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, n) => n + 1);
        if (HttpCallersMistakes.Contains(response.StatusCode))
        {
            return null;
        }
        var text = await response.Content.ReadAsStringAsync(ct);
        return $"HTTP {(int)response.StatusCode} {request.Method} {request.RequestUri} \"{text[..Math.Min(text.Length, 300)]}\": {label}";
    }

    /// <summary>A message of 1 MiB and 1 KiB: field 1, length-delimited.</summary>
    private static byte[] OverOneMebibyte()
    {
        var payload = new byte[1024 * 1024 + 1024];
        Array.Fill(payload, (byte)'a');
        var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(payload));
        output.Flush();
        return stream.ToArray();
    }

    /// <summary>The JSON body with one value of the wrong type, or a body that is not an object at all; says which.</summary>
    private static string WrongTypes(MalformedRequestGenerator generator, string body)
    {
        string[] tokens = ["12345", "true", "{}", "[]", "\"text\"", "1e400", "99999999999999999999", "-1.5", "\"10000-01-01T00:00:00Z\"",
            "\"2027-03-01T25:61:00Z\"", "\"NO_SUCH_ENUM_VALUE\"", "\"\\ud800\"", "[1, \"a\", null]", "{\"nested\": {\"deep\": []}}"];
        var node = JsonNode.Parse(body) as JsonObject;
        var leaves = new List<JsonNode>();
        Collect(node, leaves);
        if (leaves.Count == 0 || generator.Chance(0.1))
        {
            return generator.Pick(["[]", "42", "\"text\"", "null", "{\"noSuchField\": 1}", "{", ""]);
        }
        var leaf = generator.Pick(leaves);
        var token = generator.Pick(tokens);
        leaf.ReplaceWith(JsonValue.Create("__SPOILED__"));
        return node!.ToJsonString().Replace("\"__SPOILED__\"", token, StringComparison.Ordinal);
    }

    private static void Collect(JsonNode? node, List<JsonNode> leaves)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    if (child is not null)
                    {
                        leaves.Add(child);
                        Collect(child, leaves);
                    }
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        leaves.Add(child);
                    }
                }
                break;
        }
    }

    /// <summary>What the services store that a request could change: programmes, batches, nominations, venues, speakers, sessions, webhooks.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + StackFixture.Timeout;
        var programmes = new ProgrammesClient(stack.Channel("registration"));
        var nominations = new NominationsClient(stack.Channel("registration"));
        var scheduling = new SchedulingClient(stack.Channel("scheduling"));
        var notifications = new NotificationsClient(stack.Channel("notifications"));
        var state = new Dictionary<string, string>();
        var all = await programmes.ListProgrammesAsync(new ListProgrammesRequest(), deadline: deadline, cancellationToken: ct);
        state["programmes"] = JsonFormatter.Default.Format(all);
        foreach (var programme in all.Programmes)
        {
            var batches = await programmes.ListBatchesAsync(new ListBatchesRequest { ProgrammeId = programme.ProgrammeId }, deadline: deadline, cancellationToken: ct);
            state[$"batches of {programme.ProgrammeId}"] = JsonFormatter.Default.Format(batches);
            foreach (var batch in batches.Batches)
            {
                var counts = await nominations.CountNominationsAsync(new CountNominationsRequest { BatchId = batch.BatchId }, deadline: deadline, cancellationToken: ct);
                state[$"nominations of {batch.BatchId}"] = JsonFormatter.Default.Format(counts);
                var sessions = await scheduling.ListSessionsAsync(new ListSessionsRequest { BatchId = batch.BatchId, IncludeCancelled = true }, deadline: deadline, cancellationToken: ct);
                state[$"sessions of {batch.BatchId}"] = JsonFormatter.Default.Format(sessions);
            }
        }
        state["venues"] = JsonFormatter.Default.Format(await scheduling.ListVenuesAsync(new ListVenuesRequest(), deadline: deadline, cancellationToken: ct));
        state["speakers"] = JsonFormatter.Default.Format(await scheduling.ListSpeakersAsync(new ListSpeakersRequest(), deadline: deadline, cancellationToken: ct));
        // Only what a request could change: failures and activity change as earlier tests' deliveries go on.
        var webhooks = await notifications.ListWebhookSubscriptionsAsync(new ListWebhookSubscriptionsRequest(), deadline: deadline, cancellationToken: ct);
        state["webhooks"] = string.Join("\n", webhooks.Subscriptions.Select(s => $"{s.SubscriptionId} {s.Url} {string.Join(",", s.EventTypes)}"));
        return state;
    }
}
