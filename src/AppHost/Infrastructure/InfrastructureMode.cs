namespace Ksst.AppHost.Infrastructure;

/// <summary>
/// How the backing services run; configuration key <c>Ksst:Infrastructure</c>.
/// </summary>
public enum InfrastructureMode
{
    /// <summary>Use containers when a container runtime answers, otherwise local executables (the default).</summary>
    Auto,

    /// <summary>Run Redis, RabbitMQ and smtp4dev as containers (needs Docker or Podman).</summary>
    Containers,

    /// <summary>Run Redis, RabbitMQ and smtp4dev as local executables; no container resource is added.</summary>
    Local,
}
