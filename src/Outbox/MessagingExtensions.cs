using Ksst.Contracts.Events;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Ksst.Outbox;

/// <summary>MassTransit on RabbitMQ, set up the same way in every service.</summary>
public static class MessagingExtensions
{
    /// <summary>The connection string name of the broker in the AppHost.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// Connects to RabbitMQ (connection string "messaging"), with usage telemetry off, queues
    /// prefixed by <paramref name="serviceName"/> (so two services' consumers of one event never
    /// compete), stable exchange names, and bounded exponential retries before the error queue.
    /// </summary>
    public static TBuilder AddServiceMessaging<TBuilder>(this TBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator>? consumers = null)
        where TBuilder : IHostApplicationBuilder
    {
        var broker = new Uri(builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"The connection string '{ConnectionName}' (RabbitMQ) is missing."));

        // A service must stop promptly even while the broker is gone (MassTransit would otherwise
        // wait for it): the outbox keeps whatever was not published.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(5);
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        builder.Services.AddHealthChecks().AddCheck(BrokerHealthCheck.Name, new BrokerHealthCheck(broker), HealthStatus.Degraded);
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            // Without the broker the service still takes requests (the outbox keeps the events):
            // it is Degraded, not Unhealthy, and the report says so.
            bus.ConfigureHealthCheckOptions(health => health.MinimalFailureStatus = HealthStatus.Degraded);
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            consumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, (ushort)broker.Port, "/", host =>
                {
                    var credentials = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);
                    host.Username(credentials[0]);
                    host.Password(credentials.ElementAtOrDefault(1) ?? "");
                });
                rabbit.MessageTopology.SetEntityNameFormatter(new EventNames(rabbit.MessageTopology.EntityNameFormatter));
                // Only the concrete, versioned events get exchanges; their shared interfaces do not.
                rabbit.Publish<IIntegrationEvent>(p => p.Exclude = true);
                rabbit.Publish<INominationEvent>(p => p.Exclude = true);
                rabbit.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
