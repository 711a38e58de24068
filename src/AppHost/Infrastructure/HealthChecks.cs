using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Ksst.AppHost.Infrastructure;

/// <summary>
/// Readiness checks for the local executables. Each resolves its address when it runs (ports are
/// allocated at start) and proves the service answers its own protocol, so <c>WaitFor</c> means ready.
/// </summary>
internal static class HealthChecks
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    private static readonly HttpClient Http = new() { Timeout = ProbeTimeout };

    /// <summary>Registers <paramref name="check"/> under a key derived from the resource name and attaches it.</summary>
    public static IResourceBuilder<T> WithReadinessCheck<T>(
        this IResourceBuilder<T> resource,
        Func<T, CancellationToken, Task<HealthCheckResult>> check)
        where T : IResource
    {
        var key = $"{resource.Resource.Name}_ready";
        resource.ApplicationBuilder.Services.AddHealthChecks().AddAsyncCheck(key, async ct =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(ProbeTimeout);
            try
            {
                return await check(resource.Resource, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"No answer within {ProbeTimeout.TotalSeconds:0} s.");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // No exception attached: failures are expected while the service boots, and a stack
                // trace per probe would only flood the log.
                return HealthCheckResult.Unhealthy($"{ex.GetType().Name}: {ex.Message}");
            }
        });
        return resource.WithHealthCheck(key);
    }

    /// <summary>
    /// Sends <c>GET &lt;path&gt;</c> to the URL of <paramref name="endpointName"/> and expects 200.
    /// </summary>
    public static async Task<HealthCheckResult> HttpOkAsync(IResourceWithEndpoints resource, string endpointName, string path, CancellationToken ct)
    {
        var url = await new EndpointReference(resource, endpointName).Property(EndpointProperty.Url).GetValueAsync(ct).ConfigureAwait(false);
        using var response = await Http.GetAsync(new Uri(new Uri(url!), path), ct).ConfigureAwait(false);
        return response.StatusCode == System.Net.HttpStatusCode.OK
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"GET {path} answered {(int)response.StatusCode}.");
    }

    /// <summary>
    /// Reads a KSST service's health report (<c>GET /health</c>, JSON written by ServiceDefaults)
    /// and reports its status as is: Degraded when, say, the broker is away, with the checks that
    /// are not healthy as the description, so the dashboard shows which one and why.
    /// </summary>
    public static async Task<HealthCheckResult> ServiceReportAsync(IResourceWithEndpoints resource, string endpointName, string path, CancellationToken ct)
    {
        var url = await new EndpointReference(resource, endpointName).Property(EndpointProperty.Url).GetValueAsync(ct).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(url!), path));
        // Anonymous callers see the status alone; the checks are for operators (the AppHost asks as one).
        if (resource.Annotations.OfType<Identity.HealthReportAccess>().FirstOrDefault() is { } access
            && await access.TokenAsync(ct).ConfigureAwait(false) is { } token)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await Http.SendAsync(request, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        using var report = JsonDocument.Parse(body);
        var status = Enum.TryParse<HealthStatus>(report.RootElement.GetProperty("status").GetString(), out var parsed) ? parsed : HealthStatus.Unhealthy;
        if (!report.RootElement.TryGetProperty("checks", out var checks))
        {
            return new HealthCheckResult(status);
        }
        var failing = checks.EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() != nameof(HealthStatus.Healthy))
            .Select(c => $"{c.GetProperty("name").GetString()}: {c.GetProperty("status").GetString()} {c.GetProperty("description").GetString()}".TrimEnd());
        return new HealthCheckResult(status, string.Join("; ", failing) is { Length: > 0 } why ? why : null);
    }

    /// <summary>Sends <c>PING</c> to the Redis at <c>host:port</c> and expects <c>+PONG</c>.</summary>
    public static async Task<HealthCheckResult> RedisPingAsync(IResourceWithConnectionString redis, CancellationToken ct)
    {
        var connectionString = await redis.GetConnectionStringAsync(ct).ConfigureAwait(false) ?? string.Empty;
        var hostPort = connectionString.Split(',')[0];
        var colon = hostPort.LastIndexOf(':');
        using var client = new TcpClient();
        await client.ConnectAsync(hostPort[..colon], int.Parse(hostPort[(colon + 1)..]), ct).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), ct).ConfigureAwait(false);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false);
        var reply = Encoding.ASCII.GetString(buffer, 0, read);
        return reply.StartsWith("+PONG", StringComparison.Ordinal)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Redis answered '{reply.Trim()}' to PING.");
    }

    /// <summary>Opens (and closes) a real AMQP connection with the resource's connection string.</summary>
    public static async Task<HealthCheckResult> RabbitMqConnectAsync(IResourceWithConnectionString rabbit, CancellationToken ct)
    {
        var connectionString = await rabbit.GetConnectionStringAsync(ct).ConfigureAwait(false) ?? string.Empty;
        var factory = new ConnectionFactory
        {
            Uri = new Uri(connectionString),
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = ProbeTimeout,
            ClientProvidedName = "ksst-apphost-health",
        };
        await using var connection = await factory.CreateConnectionAsync(ct).ConfigureAwait(false);
        await connection.CloseAsync(ct).ConfigureAwait(false);
        return HealthCheckResult.Healthy();
    }

    /// <summary>
    /// Asks Erlang's port mapper for its registered names (<c>NAMES_REQ</c>) through the endpoint's
    /// allocated address; a live epmd answers with its own port number.
    /// </summary>
    public static async Task<HealthCheckResult> EpmdNamesAsync(IResourceWithEndpoints epmd, string endpointName, CancellationToken ct)
    {
        var endpoint = new EndpointReference(epmd, endpointName);
        var port = int.Parse(await endpoint.Property(EndpointProperty.Port).GetValueAsync(ct).ConfigureAwait(false) ?? "0");
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, ct).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync(new byte[] { 0, 1, (byte)'n' }, ct).ConfigureAwait(false); // length 1, NAMES_REQ
        var reply = new byte[4];
        await stream.ReadExactlyAsync(reply, ct).ConfigureAwait(false); // EPMDPortNo, big-endian
        return HealthCheckResult.Healthy($"epmd on port {(reply[0] << 24) | (reply[1] << 16) | (reply[2] << 8) | reply[3]}");
    }
}
