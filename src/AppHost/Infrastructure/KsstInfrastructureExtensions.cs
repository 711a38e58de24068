using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Ksst.AppHost.Urls;

namespace Ksst.AppHost.Infrastructure;

/// <summary>Adds the stack's backing services (Redis, RabbitMQ, smtp4dev) to an AppHost.</summary>
public static class KsstInfrastructureExtensions
{
    /// <summary>
    /// Adds <c>cache</c> (Redis), <c>messaging</c> (RabbitMQ) and <c>mail</c> (smtp4dev, with an
    /// <c>http</c> endpoint) as containers or as local executables, per <c>Ksst:Infrastructure</c>:
    /// <c>auto</c> (default: containers if <c>docker info</c> — or <c>$ASPIRE_CONTAINER_RUNTIME info</c> —
    /// answers within 5 s, else local), <c>containers</c> or <c>local</c>.
    /// </summary>
    /// <remarks>
    /// Local mode reads <c>Ksst:DataRoot</c> (default <c>&lt;repo&gt;/.ksst</c>), <c>Ksst:RepositoryRoot</c>,
    /// <c>Ksst:Local:RedisServer</c>, <c>Ksst:Local:RabbitMqServer</c> and <c>Ksst:Local:Epmd</c>, and
    /// throws <see cref="InvalidOperationException"/> naming what to install when a program is missing.
    /// Every resource has a readiness health check, so <c>WaitFor</c> waits until it serves requests.
    /// </remarks>
    /// <param name="builder">The AppHost builder.</param>
    /// <returns>The three resources and the mode that was chosen.</returns>
    public static KsstInfrastructure AddKsstInfrastructure(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var mode = ResolveMode(builder.Configuration["Ksst:Infrastructure"]);
        return mode == InfrastructureMode.Containers ? AddContainers(builder) : AddLocal(builder);
    }

    /// <summary>Parses the configured mode and settles <see cref="InfrastructureMode.Auto"/> by probing.</summary>
    private static InfrastructureMode ResolveMode(string? configured)
    {
        var mode = string.IsNullOrWhiteSpace(configured)
            ? InfrastructureMode.Auto
            : Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException(
                    $"Ksst:Infrastructure is '{configured}'; expected auto, containers or local.");

        return mode != InfrastructureMode.Auto ? mode
            : ContainerRuntimeProbe.IsAvailable() ? InfrastructureMode.Containers
            : InfrastructureMode.Local;
    }

    private static KsstInfrastructure AddContainers(IDistributedApplicationBuilder builder) => new(
        builder.AddRedis("cache")
            .WithUrlForEndpoint("tcp", url => url.DisplayText = "Redis")
            .WithCredentialsNote(UserSecret("password", "cache-password")),
        builder.AddRabbitMQ("messaging")
            .WithUrlForEndpoint("tcp", url => url.DisplayText = "AMQP")
            .WithCredentialsNote("user guest, " + UserSecret("password", "messaging-password")),
        builder.AddMailServerContainer("mail", MailRetention.From(builder.Configuration)),
        InfrastructureMode.Containers);

    /// <summary>Where Aspire keeps a generated container password: the AppHost's user secrets.</summary>
    private static string UserSecret(string what, string parameter) =>
        $"{what}: Parameters:{parameter} in `dotnet user-secrets list --project src/AppHost`";

    private static KsstInfrastructure AddLocal(IDistributedApplicationBuilder builder)
    {
        var paths = RepositoryPaths.Resolve(builder);
        var programs = LocalPrerequisites.Find(builder.Configuration, paths);
        Directory.CreateDirectory(paths.DataRoot);
        return new(
            builder.AddLocalRedis("cache", programs.RedisServer, paths.DataRoot),
            builder.AddLocalRabbitMq("messaging", programs, paths.DataRoot),
            builder.AddLocalMailServer("mail", paths, MailRetention.From(builder.Configuration)),
            InfrastructureMode.Local);
    }
}
