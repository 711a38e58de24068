using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ksst.Bench.Stack;

/// <summary>
/// The real AppHost in local mode (Redis, RabbitMQ and smtp4dev as local executables, the
/// services from this Release build), with its data in a fresh folder. Disposing it stops every
/// process it started.
/// </summary>
public sealed class BenchStack : IAsyncDisposable
{
    /// <summary>The services, by resource name and assembly.</summary>
    public static readonly IReadOnlyDictionary<string, string> Services = new Dictionary<string, string>
    {
        ["registration"] = "Ksst.Registration",
        ["scheduling"] = "Ksst.Scheduling",
        ["notifications"] = "Ksst.Notifications",
    };

    private static readonly string[] Resources = ["cache", "messaging", "mail", "registration", "scheduling", "notifications"];
    private readonly DistributedApplication _app;
    private readonly List<GrpcChannel> _channels = [];

    private BenchStack(DistributedApplication app, string dataRoot, IReadOnlyDictionary<string, TimeSpan> healthyAfter)
    {
        _app = app;
        DataRoot = dataRoot;
        HealthyAfter = healthyAfter;
    }

    /// <summary>Where the services keep their SQLite files.</summary>
    public string DataRoot { get; }

    /// <summary>Time from the start until each resource reported healthy.</summary>
    public IReadOnlyDictionary<string, TimeSpan> HealthyAfter { get; }

    /// <summary>Builds and starts the stack, timing each resource until it is healthy.</summary>
    public static async Task<BenchStack> StartAsync(CancellationToken cancellation)
    {
        // A resource that never gets healthy (a crashed broker, say) ends the run, not hangs it.
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        startup.CancelAfter(TimeSpan.FromMinutes(4));
        var ct = startup.Token;
        var dataRoot = Path.Combine(Path.GetTempPath(), $"ksst-bench-{Guid.NewGuid():N}");
        var clock = Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                "--Ksst:Infrastructure=local", $"--Ksst:DataRoot={dataRoot}",
                // No dashboard runs here to receive telemetry: the services still trace every
                // flow, but an exporter retrying a closed port would measure itself.
                .. Services.Keys.Select(service => $"--Ksst:Env:{service}:OTEL_EXPORTER_OTLP_ENDPOINT="),
            ], ct);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Ksst.AppHost.Resources", LogLevel.Error)
            .AddFilter("Aspire.Hosting", LogLevel.Error)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        var app = await builder.BuildAsync(ct);
        var healthy = new Dictionary<string, TimeSpan>();
        var stack = new BenchStack(app, dataRoot, healthy);
        try
        {
            await app.StartAsync(ct);
            await Task.WhenAll(Resources.Select(async name =>
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(name, ct);
                lock (healthy)
                {
                    healthy[name] = clock.Elapsed;
                }
            }));
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A channel straight to a service's gRPC port (its Kestrel endpoint, not the development
    /// proxy in front of it), so the figures are the service's own.
    /// </summary>
    public GrpcChannel Channel(string service)
    {
        var channel = Channels.Create(DirectAddress(service, "grpc"));
        _channels.Add(channel);
        return channel;
    }

    /// <summary>A resource's connection string ("cache", "messaging").</summary>
    public async Task<string> ConnectionStringAsync(string resource, CancellationToken ct) =>
        await _app.GetConnectionStringAsync(resource, ct) ?? throw new InvalidOperationException($"{resource} has no connection string.");

    private Uri DirectAddress(string service, string endpointName)
    {
        // Aspire hands each service its listening address as Kestrel configuration in its environment.
        var pid = ServiceProcesses.Find(Services[service]) ?? throw new InvalidOperationException($"No process runs {service}.");
        var url = ServiceProcesses.Environment(pid, $"Kestrel__Endpoints__{endpointName}__Url");
        return url is null ? _app.GetEndpoint(service, endpointName) : new Uri(url);
    }

    public async ValueTask DisposeAsync()
    {
        _channels.ForEach(c => c.Dispose());
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataRoot, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a file; the OS cleans the temp folder.
        }
    }
}
