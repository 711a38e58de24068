using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Ksst.AppHost.Urls;

namespace Ksst.AppHost.Infrastructure;

/// <summary>
/// A local RabbitMQ node (Debian's <c>rabbitmq-server</c> start script, run in the foreground),
/// listening on 127.0.0.1 only, with no plugins. Connection string
/// <c>amqp://guest:guest@127.0.0.1:&lt;port&gt;</c> (RabbitMQ allows <c>guest</c> on loopback).
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="command">Path of the <c>rabbitmq-server</c> script.</param>
/// <param name="nodeDirectory">The node's own folder (mnesia, logs, plugins file, Erlang cookie).</param>
public sealed class LocalRabbitMqResource(string name, string command, string nodeDirectory)
    : ExecutableResource(name, command, nodeDirectory), IResourceWithConnectionString
{
    /// <summary>Name of the AMQP endpoint.</summary>
    public const string EndpointName = "tcp";

    /// <summary>Name of the Erlang distribution endpoint (used by <c>rabbitmqctl</c>).</summary>
    public const string DistributionEndpointName = "dist";

    /// <summary>The AMQP endpoint (not proxied: the node listens on it directly).</summary>
    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}

/// <summary>
/// Erlang's port mapper in the foreground on a port of its own, owned by Aspire. Without it the
/// node would start an <c>epmd -daemon</c> that outlives the AppHost.
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="command">Path of <c>epmd</c>.</param>
/// <param name="workingDirectory">Its working directory.</param>
public sealed class LocalEpmdResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory)
{
    /// <summary>Name of the port mapper's endpoint.</summary>
    public const string EndpointName = "epmd";

    /// <summary>The port mapper's endpoint; Erlang nodes get its target port as <c>ERL_EPMD_PORT</c>.</summary>
    public EndpointReference PrimaryEndpoint => new(this, EndpointName);
}

/// <summary>Adds <see cref="LocalRabbitMqResource"/> (and its <see cref="LocalEpmdResource"/>) to the application model.</summary>
internal static class LocalRabbitMq
{
    /// <summary>
    /// Adds a RabbitMQ node named <paramref name="name"/> whose data lives in
    /// <c>&lt;dataRoot&gt;/rabbitmq/&lt;node&gt;</c> (one node per data folder, kept across starts),
    /// with an AMQP-connection health check, plus its port mapper <c>&lt;name&gt;-epmd</c>. Other
    /// node folders of AppHosts no longer running are deleted.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, string name, LocalPrerequisites programs, string dataRoot)
    {
        var nodesRoot = Directory.CreateDirectory(Path.Combine(dataRoot, "rabbitmq")).FullName;
        // One node per data folder, kept across AppHost starts: its queues, bindings and the
        // messages waiting in them (all durable and persistent) survive a restart of the stack.
        var node = NodeDirectories.NodeName(dataRoot);
        NodeDirectories.DeleteStale(nodesRoot, keep: node);
        var nodeDir = NodeDirectories.Claim(nodesRoot, node);
        var pluginsFile = Path.Combine(nodeDir, "enabled_plugins");
        File.WriteAllText(pluginsFile, "[].\n");
        var configFile = Path.Combine(nodeDir, "rabbitmq.conf");
        File.WriteAllText(configFile, "loopback_users.guest = true\n");

        var epmdResource = new LocalEpmdResource($"{name}-epmd", programs.Epmd, nodeDir);
        var epmdPort = FreePort.Next(); // shared by two resources, so a concrete number
        var epmd = builder.AddResource(epmdResource)
            .WithEndpoint(targetPort: epmdPort, name: LocalEpmdResource.EndpointName, scheme: "tcp")
            .WithArgs("-port", epmdPort.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1")
            .WithUrlForEndpoint(LocalEpmdResource.EndpointName, url => (url.DisplayText, url.DisplayLocation) = ("Erlang port mapper", UrlDisplayLocation.DetailsOnly))
            .WithReadinessCheck((r, ct) => HealthChecks.EpmdNamesAsync(r, LocalEpmdResource.EndpointName, ct));

        var rabbit = new LocalRabbitMqResource(name, programs.RabbitMqServer, nodeDir);
        // Not proxied: while the broker is stopped its port refuses connections, as a real one
        // would. Behind Aspire's proxy, clients saw accepted connections that never answered and
        // hung (a service could not even shut down).
        var amqpPort = FreePort.Next();
        var rabbitBuilder = builder.AddResource(rabbit)
            .WithEndpoint(port: amqpPort, targetPort: amqpPort, name: LocalRabbitMqResource.EndpointName, scheme: "tcp", isProxied: false)
            .WithEndpoint(name: LocalRabbitMqResource.DistributionEndpointName, scheme: "tcp")
            .WithEnvironment("HOME", nodeDir)
            .WithEnvironment("RABBITMQ_NODENAME", $"{node}@localhost")
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_NODE_PORT", amqpPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RABBITMQ_DIST_PORT", new EndpointReference(rabbit, LocalRabbitMqResource.DistributionEndpointName).Property(EndpointProperty.TargetPort))
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithEnvironment("ERL_EPMD_PORT", epmdPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}")
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(nodeDir, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(nodeDir, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-") // log to stdout, i.e. to the Aspire dashboard
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", pluginsFile)
            .WithEnvironment("RABBITMQ_CONFIG_FILE", configFile)
            .WithEnvironment("RABBITMQ_ADVANCED_CONFIG_FILE", Path.Combine(nodeDir, "advanced.config"))
            .WaitFor(epmd)
            .WithUrlForEndpoint(LocalRabbitMqResource.EndpointName, url => url.DisplayText = "AMQP")
            .WithUrlForEndpoint(LocalRabbitMqResource.DistributionEndpointName, url => (url.DisplayText, url.DisplayLocation) = ("Erlang distribution (rabbitmqctl)", UrlDisplayLocation.DetailsOnly))
            .WithCredentialsNote("user guest, password guest (accepted from 127.0.0.1 only)")
            .WithReadinessCheck(HealthChecks.RabbitMqConnectAsync);

        epmd.WithParentRelationship(rabbitBuilder);
        return rabbitBuilder;
    }
}
