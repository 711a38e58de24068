using Ksst.Contracts.Events;
using Ksst.ServiceDefaults.Calls;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Ksst.Platform.Messaging;

/// <summary>MassTransit on RabbitMQ, set up the same way in every service.</summary>
public static class MessagingExtensions
{
    /// <summary>The connection string name of the broker in the AppHost.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// The waits before each new attempt of a message whose consumer found a dependency away
    /// (<see cref="DependencyFailures.IsAway"/>): 1 s doubling to a minute, about five minutes in all.
    /// </summary>
    public static readonly TimeSpan[] DependencyRetryIntervals =
        [.. new[] { 1, 2, 4, 8, 15, 30, 60, 60, 60, 60 }.Select(seconds => TimeSpan.FromSeconds(seconds))];

    /// <summary>
    /// Connects to RabbitMQ (connection string "messaging"), with usage telemetry off, queues
    /// named as <see cref="EventSubscribers"/> lists them (prefixed by <paramref name="serviceName"/>,
    /// so two services' consumers of one event never compete), stable exchange names, the service's
    /// error queues watched (<see cref="ErrorQueueMonitor"/>), and bounded retries before the error queue: brief exponential
    /// ones for a failure of the work, <see cref="DependencyRetryIntervals"/> for a dependency that is away.
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
        // The platform's own AMQP connection: subscriber queues for the relay, error-queue counts.
        builder.Services.AddSingleton(new BrokerConnection(broker, $"{serviceName} (platform)"));
        var errorQueues = EventSubscribers.OfService(serviceName).Select(s => s.ErrorQueue).ToList();
        if (errorQueues.Count > 0)
        {
            builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<ErrorQueueMonitor>(services, errorQueues));
        }
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            // Without the broker the service still takes requests (the outbox keeps the events):
            // it is Degraded, not Unhealthy, and the report says so.
            bus.ConfigureHealthCheckOptions(health => health.MinimalFailureStatus = HealthStatus.Degraded);
            // Consumers of an event are named after their queue in EventSubscribers, the others
            // kebab-case with the service's prefix.
            bus.SetEndpointNameFormatter(new SubscriberEndpointNames(serviceName));
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
                // A dependency that is away (Registration, Redis) is waited for, in memory, for
                // about five minutes (no delayed redelivery here); any other failure is retried
                // briefly, then the message goes to the error queue. The outer policy skips what
                // the inner one waited for, so nothing is retried by both.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Ignore<Exception>(DependencyFailures.IsAway);
                    retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400));
                });
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Handle<Exception>(DependencyFailures.IsAway);
                    retry.Intervals(DependencyRetryIntervals);
                });
                // What consumers change is recorded in the audit log as "consume <queue>".
                rabbit.UseFilter(new AuditCauseFilter());
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
