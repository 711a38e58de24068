using Ksst.Contracts.Identity.V1;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// Says whether a presented API token works: the identity service, asked on every call that
/// carries one (<see cref="RemoteApiTokenChecker"/>), or, inside the identity service, its own
/// database. Throws when it cannot tell (the identity service is away).
/// </summary>
public interface IApiTokenChecker
{
    /// <summary>The verdict on <paramref name="secret"/> (as presented, "ksst_pat_…"), with the token when it works.</summary>
    Task<CheckApiTokenResponse> CheckAsync(string secret, CancellationToken ct);
}
