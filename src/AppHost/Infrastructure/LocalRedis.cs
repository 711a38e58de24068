using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Ksst.AppHost.Urls;

namespace Ksst.AppHost.Infrastructure;

/// <summary>
/// A local <c>redis-server</c> process: in memory only (no RDB/AOF), bound to 127.0.0.1, no password.
/// Connection string <c>127.0.0.1:&lt;port&gt;</c>.
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="command">Path of <c>redis-server</c>.</param>
/// <param name="workingDirectory">Its working and <c>dir</c> directory.</param>
public sealed class LocalRedisResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary>Name of the Redis protocol endpoint.</summary>
    public const string EndpointName = "tcp";

    /// <summary>The Redis protocol endpoint (proxied by Aspire; the process listens on its target port).</summary>
    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}

/// <summary>Adds <see cref="LocalRedisResource"/> to the application model.</summary>
internal static class LocalRedis
{
    /// <summary>Adds a local Redis named <paramref name="name"/> with a PING health check.</summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, string redisServer, string dataRoot)
    {
        var dir = Directory.CreateDirectory(Path.Combine(dataRoot, "redis")).FullName;
        var redis = new LocalRedisResource(name, redisServer, dir);
        var port = redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort);

        return builder.AddResource(redis)
            .WithEndpoint(name: LocalRedisResource.EndpointName, scheme: "tcp")
            .WithArgs(
                "--port", port,
                "--bind", "127.0.0.1",
                "--protected-mode", "yes",
                "--save", string.Empty,
                "--appendonly", "no",
                "--dir", dir,
                "--daemonize", "no")
            .WithUrlForEndpoint(LocalRedisResource.EndpointName, url => url.DisplayText = "Redis")
            .WithCredentialsNote("no password (listens on 127.0.0.1 only)")
            .WithReadinessCheck(HealthChecks.RedisPingAsync);
    }
}
