using Ksst.ServiceDefaults.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ksst.Platform.Audit;

/// <summary>Who made a change, and through what: an RPC's caller, or the service doing its own work.</summary>
/// <param name="Subject">The token's subject, "service:&lt;name&gt;" for the service itself, or "anonymous".</param>
/// <param name="Role">The caller's role in lower case, "service", or "anonymous".</param>
/// <param name="ClientId">The OAuth client; the service's name for its own work.</param>
/// <param name="Rpc">The RPC's full method name, or the work the service was doing (<see cref="AuditCause"/>).</param>
public sealed record AuditActor(string Subject, string Role, string ClientId, string Rpc);

/// <summary>
/// The actor of the changes being made now. Inside an RPC it is the verified caller (anonymous
/// when the call carries no token) and the RPC's method, as the call's <see cref="ICurrentCall"/>
/// says (resolved from the call's own services, whatever its lifetime); outside one (a consumer,
/// a loop, a seeder) it is the service itself, and the work is what <see cref="AuditCause"/> names.
/// </summary>
public sealed class AuditActors
{
    /// <summary>The role and subject recorded for a call that carries no verified caller.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The work recorded for the service's own changes when nothing named it.</summary>
    public const string UnnamedWork = "background";

    private readonly string _service;
    private readonly IHttpContextAccessor? _http;

    /// <summary>The actors of <paramref name="service"/> (e.g. "registration"); <paramref name="http"/> is null in a host that serves no calls.</summary>
    public AuditActors(string service, IHttpContextAccessor? http)
    {
        _service = service;
        _http = http;
    }

    /// <summary>Who acts now.</summary>
    public AuditActor Current()
    {
        var call = _http?.HttpContext?.RequestServices?.GetService<ICurrentCall>();
        var method = call?.Method;
        if (call?.Caller is { } caller)
        {
            return new AuditActor(caller.Subject, caller.Role.ToString().ToLowerInvariant(), caller.ClientId, method ?? AuditCause.Current ?? UnnamedWork);
        }
        return method is not null
            ? new AuditActor(Anonymous, Anonymous, "", method)
            : new AuditActor($"service:{_service}", "service", _service, AuditCause.Current ?? UnnamedWork);
    }
}
