using Aspire.Hosting.ApplicationModel;

namespace Ksst.AppHost.Infrastructure;

/// <summary>
/// The three backing services of the stack, as returned by
/// <see cref="KsstInfrastructureExtensions.AddKsstInfrastructure"/>.
/// Each carries a connection string, so <c>WithReference</c> and <c>WaitFor</c> work the same
/// whether it runs as a container or as a local executable.
/// </summary>
/// <param name="Cache">Redis, resource name <c>cache</c>. Connection string <c>host:port[,password=…]</c>.</param>
/// <param name="Messaging">RabbitMQ, resource name <c>messaging</c>. Connection string <c>amqp://user:password@host:port</c>.</param>
/// <param name="Mail">
/// smtp4dev, resource name <c>mail</c>. Connection string <c>smtp://host:port</c>; it also has an
/// endpoint named <c>http</c> serving the web UI and the REST API (<c>GET /api/messages</c>).
/// </param>
/// <param name="Mode">Whether the services run as containers or as local executables.</param>
public sealed record KsstInfrastructure(
    IResourceBuilder<IResourceWithConnectionString> Cache,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    IResourceBuilder<IResourceWithConnectionString> Mail,
    InfrastructureMode Mode);
