using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ksst.StackHarness;

/// <summary>
/// The real AppHost in local mode (Redis, RabbitMQ and smtp4dev as local executables, the
/// services from this build), with its data in a fresh folder, for the harnesses that drive it
/// from outside: the benchmark and the fault run. Starting is bounded and timed per resource;
/// disposing stops every process it started and deletes the data folder.
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    /// <summary>The services, by resource name and assembly.</summary>
    public static readonly IReadOnlyDictionary<string, string> Services = new Dictionary<string, string>
    {
        ["registration"] = "Ksst.Registration",
        ["scheduling"] = "Ksst.Scheduling",
        ["notifications"] = "Ksst.Notifications",
    };

    /// <summary>Every resource a started stack has, each healthy once <see cref="StartAsync"/> returns.</summary>
    public static readonly IReadOnlyList<string> Resources = ["cache", "messaging", "mail", "identity", "registration", "scheduling", "notifications"];

    private readonly DistributedApplication _app;
    private readonly TimeSpan _stopTimeout;
    private readonly List<GrpcChannel> _channels = [];
    private DemoTokens? _tokens;

    private LocalStack(DistributedApplication app, string dataRoot, TimeSpan stopTimeout, IReadOnlyDictionary<string, TimeSpan> healthyAfter)
    {
        _app = app;
        DataRoot = dataRoot;
        _stopTimeout = stopTimeout;
        HealthyAfter = healthyAfter;
    }

    /// <summary>
    /// Settings that stop the services exporting telemetry: no dashboard runs here to receive it
    /// (the services still trace every flow), and an exporter retrying a closed port would be
    /// measured with the system.
    /// </summary>
    public static IEnumerable<string> NoTelemetryExport =>
        Services.Keys.Select(service => $"--Ksst:Env:{service}:OTEL_EXPORTER_OTLP_ENDPOINT=");

    /// <summary>The running application (resource states, commands, endpoints).</summary>
    public DistributedApplication App => _app;

    /// <summary>The stack's data folder: the services' SQLite files, the broker's node, the mail server's data.</summary>
    public string DataRoot { get; }

    /// <summary>Access tokens of the stack's demo clients (once it is started).</summary>
    public DemoTokens Tokens => _tokens ??= new DemoTokens(_app.GetEndpoint("identity", "http"), DataRoot);

    /// <summary>Time from the start until each resource reported healthy.</summary>
    public IReadOnlyDictionary<string, TimeSpan> HealthyAfter { get; }

    /// <summary>When set, the data folder is kept when the stack stops (to look into after a failed run).</summary>
    public bool KeepData { get; set; }

    /// <summary>Builds and starts the stack, timing each resource until it is healthy, within <see cref="LocalStackOptions.StartTimeout"/>.</summary>
    public static async Task<LocalStack> StartAsync(LocalStackOptions options, CancellationToken cancellation)
    {
        // A resource that never gets healthy (a crashed broker, say) ends the run, not hangs it.
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        startup.CancelAfter(options.StartTimeout);
        var ct = startup.Token;
        var dataRoot = Path.Combine(Path.GetTempPath(), $"ksst-{options.Label}-{Guid.NewGuid():N}");
        var clock = Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--Ksst:Infrastructure=local", $"--Ksst:DataRoot={dataRoot}", .. options.Settings], ct).WaitAsync(ct);
        // Resource console output stays with Aspire; only its errors reach the harness's output.
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Ksst.AppHost.Resources", LogLevel.Error)
            .AddFilter("Aspire.Hosting", LogLevel.Error)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        var app = await builder.BuildAsync(ct).WaitAsync(ct);
        var healthy = new Dictionary<string, TimeSpan>();
        var stack = new LocalStack(app, dataRoot, options.StopTimeout, healthy);
        try
        {
            await app.StartAsync(ct).WaitAsync(ct);
            await Task.WhenAll(Resources.Select(async name =>
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(name, ct).WaitAsync(ct);
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
    /// A channel to a service's gRPC endpoint through the AppHost's proxy, whose address stays the
    /// same when the service is restarted. Its calls carry the token of <paramref name="client"/>
    /// (the demo organiser of every programme unless named).
    /// </summary>
    public GrpcChannel Channel(string service, string client = DemoTokens.Organiser) =>
        Keep(Channels.Create(_app.GetEndpoint(service, "grpc"), ct => Tokens.ForClientAsync(client, ct)));

    /// <summary>
    /// A channel straight to a service's gRPC port (its Kestrel endpoint, not the proxy in front
    /// of it), so measured figures are the service's own. Valid until the service restarts.
    /// </summary>
    public GrpcChannel DirectChannel(string service, string client = DemoTokens.Organiser) =>
        Keep(Channels.Create(DirectAddress(service, "grpc"), ct => Tokens.ForClientAsync(client, ct)));

    /// <summary>An HTTP/1.1 client for a resource's "http" endpoint (JSON routes, smtp4dev's API).</summary>
    public HttpClient Http(string resource, TimeSpan timeout) =>
        new() { BaseAddress = _app.GetEndpoint(resource, "http"), Timeout = timeout };

    /// <summary>A resource's connection string ("cache", "messaging").</summary>
    public async Task<string> ConnectionStringAsync(string resource, CancellationToken ct) =>
        await _app.GetConnectionStringAsync(resource, ct) ?? throw new InvalidOperationException($"{resource} has no connection string.");

    /// <summary>Every resource of the application model, including helpers such as <c>messaging-epmd</c>.</summary>
    public IReadOnlyList<string> ResourceNames =>
        _app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Select(r => r.Name).ToList();

    /// <summary>
    /// The process Aspire launched for <paramref name="resource"/> (its <c>executable.pid</c>): for a
    /// service the <c>dotnet run</c> in front of it, for RabbitMQ its start script. Null while it is not running.
    /// </summary>
    public int? LaunchedProcess(string resource) =>
        _app.ResourceNotifications.TryGetCurrentState(resource, out var e)
        && e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
        && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;

    /// <summary>The process running <paramref name="service"/> itself (under the <c>dotnet run</c> Aspire launched).</summary>
    public int ServiceProcess(string service) =>
        (LaunchedProcess(service) is { } launched ? ServiceProcesses.Find(Services[service], launched) : null)
        ?? throw new InvalidOperationException($"No process runs {service}.");

    /// <summary>Every process of the stack's resources now (each launched process and all below it).</summary>
    public IReadOnlyList<RunningProcess> Processes() =>
        ResourceNames.Select(LaunchedProcess).OfType<int>()
            .SelectMany(ServiceProcesses.Tree).Select(ServiceProcesses.Identify).OfType<RunningProcess>()
            .ToList();

    private GrpcChannel Keep(GrpcChannel channel)
    {
        lock (_channels)
        {
            _channels.Add(channel);
        }
        return channel;
    }

    private Uri DirectAddress(string service, string endpointName)
    {
        // Aspire hands each service its listening address as Kestrel configuration in its environment.
        var url = ServiceProcesses.Environment(ServiceProcess(service), $"Kestrel__Endpoints__{endpointName}__Url");
        return url is null ? _app.GetEndpoint(service, endpointName) : new Uri(url);
    }

    /// <summary>Stops every resource (bounded by <see cref="LocalStackOptions.StopTimeout"/>), then Aspire's orchestrator, then deletes the data unless <see cref="KeepData"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_channels)
        {
            _channels.ForEach(c => c.Dispose());
        }
        using (var cts = new CancellationTokenSource(_stopTimeout))
        {
            try
            {
                await _app.StopAsync(cts.Token).WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                // Disposing below still ends the orchestrator, which stops what is left.
            }
        }
        await _app.DisposeAsync().AsTask().WaitAsync(_stopTimeout);
        if (KeepData)
        {
            return;
        }
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

/// <summary>How a <see cref="LocalStack"/> is started.</summary>
public sealed record LocalStackOptions
{
    /// <summary>Names the data folder (<c>ksst-{label}-{guid}</c> under the temp folder), e.g. "bench".</summary>
    public required string Label { get; init; }

    /// <summary>AppHost configuration beyond local mode and the data folder, e.g. <c>--Ksst:Mail:MessagesToKeep=50000</c>.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary>Longest wait for every resource to be healthy.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Longest wait for the stack to stop.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromMinutes(1);
}
