using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ksst.Platform.Messaging;

/// <summary>
/// Whether the broker answers at all: a TCP connection to its AMQP port within a second. MassTransit's
/// own check only follows receive endpoints, so a service that only publishes (Registration) would
/// look healthy while its events pile up in the outbox. Reported as Degraded: the service still
/// takes requests and the outbox keeps their events until the broker is back.
/// </summary>
/// <param name="broker">The broker's address (the "messaging" connection string).</param>
internal sealed class BrokerHealthCheck(Uri broker) : IHealthCheck
{
    /// <summary>The check's name in the health report.</summary>
    public const string Name = "broker";

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(broker.Host, broker.Port, timeout.Token);
            return HealthCheckResult.Healthy($"RabbitMQ at {broker.Host}:{broker.Port} answers.");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"RabbitMQ at {broker.Host}:{broker.Port} does not answer; events wait in the outbox until it is back.");
        }
    }
}
