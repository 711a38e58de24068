using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using Ksst.IntegrationTests.Telemetry;
using Ksst.StackHarness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ksst.IntegrationTests;

/// <summary>
/// The real AppHost in local mode (Redis, RabbitMQ and smtp4dev as local executables), started
/// once per test collection with its data in a fresh temporary folder. The services export their
/// traces to <see cref="Telemetry"/>, an OTLP receiver of the fixture's own.
/// </summary>
public class StackFixture : IAsyncLifetime
{
    /// <summary>Upper bound of any single wait on the stack.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static readonly string[] Resources = ["cache", "messaging", "mail", "identity", "registration", "scheduling", "notifications"];
    private static readonly string[] Services = ["identity", "registration", "scheduling", "notifications"];
    private readonly string _dataRoot;
    private readonly bool _keepData;
    private readonly List<GrpcChannel> _channels = [];
    private DistributedApplication? _app;
    private OtlpReceiver? _telemetry;
    private DemoTokens? _tokens;

    /// <summary>
    /// Settings of a stack made for one setting (e.g. a short retry schedule), as AppHost
    /// arguments; none by default: tests run with the product's defaults.
    /// </summary>
    protected virtual IEnumerable<string> Settings => [];

    /// <summary>A stack with its data in a fresh temporary folder, deleted when it stops.</summary>
    public StackFixture() : this(NewDataRoot(), keepData: false)
    {
    }

    /// <summary>A stack on <paramref name="dataRoot"/>, which is kept when it stops if <paramref name="keepData"/>.</summary>
    protected StackFixture(string dataRoot, bool keepData)
    {
        _dataRoot = dataRoot;
        _keepData = keepData;
    }

    /// <summary>A fresh temporary data folder's path.</summary>
    public static string NewDataRoot() => Path.Combine(Path.GetTempPath(), $"ksst-it-{Guid.NewGuid():N}");

    /// <summary>The stack's data folder (SQLite files, broker state, the URL table).</summary>
    public string DataRoot => _dataRoot;

    /// <summary>The running application.</summary>
    public DistributedApplication App => _app ?? throw new InvalidOperationException("The stack is not started.");

    /// <summary>How the mail server answers, applied whenever it starts; accepts everything unless a test changes it.</summary>
    public MailServerRules MailRules { get; } = new();

    /// <summary>Every span the services have exported so far (the dashboard is disabled in tests).</summary>
    public OtlpReceiver Telemetry => _telemetry ?? throw new InvalidOperationException("The stack is not started.");

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        _telemetry = await OtlpReceiver.StartAsync(cts.Token).WaitAsync(cts.Token);
        // Set after Aspire's own OTEL_* variables, so these win; exported every half second.
        var otlp = Services.SelectMany(service => new[]
        {
            $"--Ksst:Env:{service}:OTEL_EXPORTER_OTLP_ENDPOINT={_telemetry.Endpoint.GetLeftPart(UriPartial.Authority)}",
            $"--Ksst:Env:{service}:OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
            $"--Ksst:Env:{service}:OTEL_BSP_SCHEDULE_DELAY=500",
            $"--Ksst:Env:{service}:OTEL_METRIC_EXPORT_INTERVAL=1000",
        });
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                .. otlp,
                "--Ksst:Infrastructure=local", $"--Ksst:DataRoot={_dataRoot}",
                // Webhook receivers in tests listen on loopback.
                "--Ksst:Env:notifications:Notifications__Webhooks__AllowPrivateNetworks=true",
                // Reminders at local midnight the day before, so a session tomorrow is reminded at once.
                "--Ksst:Env:notifications:Notifications__Reminders__LocalHour=0",
                .. Settings,
            ], cts.Token).WaitAsync(cts.Token);
        MailRules.ApplyTo(builder);
        // Resource console output stays in the dashboard's logs, not in the test output.
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Ksst.AppHost.Resources", LogLevel.Error)
            .AddFilter("Aspire.Hosting", LogLevel.Error)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        _app = await builder.BuildAsync(cts.Token).WaitAsync(cts.Token);
        await _app.StartAsync(cts.Token).WaitAsync(cts.Token);
        foreach (var resource in Resources)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token).WaitAsync(cts.Token);
        }
    }

    /// <summary>Access tokens of the stack's generated demo clients, from its identity service.</summary>
    public DemoTokens Tokens => _tokens ??= new DemoTokens(App.GetEndpoint("identity", "http"), _dataRoot);

    /// <summary>
    /// A token of a kind of caller: "organiser" (of every programme), "organiser-other" (of
    /// another programme only), "agency" (of LK) or "agency-XX", "participant" (the demo batch 3
    /// participant Nimali Perera, signed in as a person), "ops", a service's own ("scheduling",
    /// "notifications"), or a personal API token: "agency-api-token" (of LK) or "ops-api-token".
    /// </summary>
    public Task<string> TokenAsync(string caller, CancellationToken ct) => caller switch
    {
        "agency-api-token" or "ops-api-token" => _apiTokens.GetOrAdd(caller, CreateApiTokenAsync).WaitAsync(ct),
        "organiser" => Tokens.ForClientAsync(DemoTokens.Organiser, ct),
        "organiser-other" => Tokens.ForClientAsync(Contracts.Identity.DemoCredentials.OtherOrganiserClient, ct),
        "agency" => Tokens.ForClientAsync(DemoTokens.Agency("LK"), ct),
        _ when caller.StartsWith("agency-", StringComparison.Ordinal) => Tokens.ForClientAsync(DemoTokens.Agency(caller[7..]), ct),
        "ops" => Tokens.ForClientAsync(DemoTokens.Ops, ct),
        "participant" => Tokens.ForUserAsync(Contracts.Identity.DemoCredentials.ParticipantUser, ct),
        _ => Tokens.ForClientAsync(caller, ct),
    };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<string>> _apiTokens = new();

    /// <summary>A personal API token made once per stack by the demo organiser, as a machine client of an agency or of ops would hold it.</summary>
    private async Task<string> CreateApiTokenAsync(string caller)
    {
        var request = caller == "ops-api-token"
            ? new Contracts.Identity.V1.CreateApiTokenRequest { Name = "test ops monitoring", Role = Contracts.Identity.V1.ApiTokenRole.Ops }
            : new Contracts.Identity.V1.CreateApiTokenRequest { Name = "test LK nomination system", Role = Contracts.Identity.V1.ApiTokenRole.Agency, Country = "LK" };
        var created = await new Contracts.Identity.V1.ApiTokens.ApiTokensClient(Channel("identity"))
            .CreateApiTokenAsync(request, deadline: DateTime.UtcNow + Timeout);
        return created.Secret;
    }

    /// <summary>A gRPC channel to a service's HTTP/2 endpoint whose calls carry the token of <paramref name="caller"/> (see <see cref="TokenAsync"/>) unless they set their own.</summary>
    public GrpcChannel Channel(string service, string caller = "organiser") =>
        Keep(Channels.Create(App.GetEndpoint(service, "grpc"), ct => TokenAsync(caller, ct)));

    /// <summary>A gRPC channel whose calls carry no token unless they set one.</summary>
    public GrpcChannel AnonymousChannel(string service) => Keep(Channels.Create(App.GetEndpoint(service, "grpc")));

    /// <summary>
    /// An HTTP/1.1 client for a resource's "http" endpoint (JSON routes, smtp4dev's API); for the
    /// KSST services its requests carry the token of <paramref name="caller"/> unless they set their own.
    /// </summary>
    public HttpClient Http(string resource, string caller = "organiser") =>
        resource is "registration" or "scheduling" or "notifications"
            ? new(new BearerHandler(ct => TokenAsync(caller, ct), new SocketsHttpHandler())) { BaseAddress = App.GetEndpoint(resource, "http"), Timeout = Timeout }
            : AnonymousHttp(resource);

    /// <summary>An HTTP/1.1 client for a resource's "http" endpoint that sends no token of its own.</summary>
    public HttpClient AnonymousHttp(string resource) =>
        new() { BaseAddress = App.GetEndpoint(resource, "http"), Timeout = Timeout };

    private GrpcChannel Keep(GrpcChannel channel)
    {
        lock (_channels)
        {
            _channels.Add(channel);
        }
        return channel;
    }

    public async Task DisposeAsync()
    {
        _channels.ForEach(c => c.Dispose());
        if (_app is not null)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await _app.StopAsync(cts.Token).WaitAsync(cts.Token);
            await _app.DisposeAsync().AsTask().WaitAsync(cts.Token);
        }
        if (_telemetry is not null)
        {
            await _telemetry.DisposeAsync();
        }
        if (_keepData)
        {
            return;
        }
        try
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a file; the OS cleans the temp folder.
        }
    }
}

/// <summary>All tests that need the running stack share one AppHost.</summary>
[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "stack";
}
