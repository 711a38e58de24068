using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Ksst.IntegrationTests.Telemetry.Otlp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ksst.IntegrationTests.Telemetry;

/// <summary>
/// An OTLP/HTTP (protobuf) receiver on loopback that keeps every span the services export in
/// memory, so tests can assert on real traces: what the dashboard would show.
/// POST /v1/traces and /v1/metrics (gauges and sums) are read; /v1/logs is accepted and dropped.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>Where the services export to (OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The latest value of every metric point received so far.</summary>
    public ReceivedMetrics Metrics { get; } = new();

    /// <summary>Every span received so far.</summary>
    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    /// <summary>Starts a receiver on 127.0.0.1 at a port the kernel chooses.</summary>
    public static async Task<OtlpReceiver> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(OtlpReceiver).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", receiver.ReceiveTracesAsync);
        app.MapPost("/v1/metrics", receiver.ReceiveMetricsAsync);
        app.MapPost("/v1/logs", () => Results.Ok());
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    /// <summary>The spans of one trace received so far.</summary>
    public IReadOnlyList<ReceivedSpan> Trace(string traceId) => [.. _spans.Where(s => s.TraceId == traceId)];

    /// <summary>
    /// The span's parent, its parent's parent, and so on, as far as the received spans go: the
    /// list ends at a root span or at a parent not received (yet).
    /// </summary>
    public IReadOnlyList<ReceivedSpan> Ancestors(ReceivedSpan span)
    {
        var trace = Trace(span.TraceId).GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        var ancestors = new List<ReceivedSpan>();
        for (var current = span; current.ParentSpanId is { } parent && trace.TryGetValue(parent, out var next) && ancestors.Count < trace.Count; current = next)
        {
            ancestors.Add(next);
        }
        return ancestors;
    }

    /// <summary>
    /// The first non-null answer of <paramref name="probe"/> over the spans of a trace received so
    /// far; fails after <see cref="StackFixture.Timeout"/>, listing the spans that did arrive.
    /// </summary>
    public async Task<T> WaitForTraceAsync<T>(string traceId, Func<IReadOnlyList<ReceivedSpan>, T?> probe, string what) where T : class
    {
        try
        {
            return await Eventually.Get(_ => Task.FromResult(probe(Trace(traceId))), StackFixture.Timeout, what);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} {Describe(traceId)}", e);
        }
    }

    /// <summary>The spans of a trace received so far, one a line, for failure messages.</summary>
    public string Describe(string traceId)
    {
        var spans = Trace(traceId);
        return $"Trace {traceId} has {spans.Count} spans:{string.Concat(spans.Select(s => $"\n  {s}"))}";
    }

    private async Task<IResult> ReceiveMetricsAsync(HttpRequest request)
    {
        Metrics.Add(ExportMetricsServiceRequest.Parser.ParseFrom(await BodyAsync(request)));
        return Results.Bytes([], "application/x-protobuf");
    }

    private static async Task<byte[]> BodyAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        var content = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        await using (content)
        {
            await content.CopyToAsync(body, request.HttpContext.RequestAborted);
        }
        return body.ToArray();
    }

    private async Task<IResult> ReceiveTracesAsync(HttpRequest request)
    {
        var export = ExportTraceServiceRequest.Parser.ParseFrom(await BodyAsync(request));
        foreach (var resource in export.ResourceSpans)
        {
            var service = resource.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "";
            foreach (var span in resource.ScopeSpans.SelectMany(scope => scope.Spans))
            {
                _spans.Enqueue(ReceivedSpan.From(service, span));
            }
        }
        // An empty ExportTraceServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
