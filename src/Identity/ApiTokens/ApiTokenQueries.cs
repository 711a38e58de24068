using Ksst.Contracts.Identity.V1;
using Ksst.Identity.Data;
using Ksst.ServiceDefaults.Access;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Identity.ApiTokens;

/// <summary>
/// Reading API tokens: the list organisers see, and the check of a presented secret, read from
/// the database every time (it is also the identity service's own <see cref="IApiTokenChecker"/>).
/// </summary>
internal sealed class ApiTokenQueries(IdentityDb db, TimeProvider clock) : IApiTokenChecker
{
    /// <summary>The tokens, newest first; only those that work unless <paramref name="includeInactive"/>.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(bool includeInactive, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tokens = db.ApiTokens.AsNoTracking();
        if (!includeInactive)
        {
            tokens = tokens.Where(t => t.RevokedAt == null && t.ExpiresAt > now);
        }
        return await tokens.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(ct);
    }

    public async Task<CheckApiTokenResponse> CheckAsync(string secret, CancellationToken ct)
    {
        var hash = SecretToken.HashOf(secret, ApiTokenFormat.Prefix);
        var token = hash is null ? null : await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, ct);
        var now = clock.GetUtcNow();
        return token switch
        {
            null => new CheckApiTokenResponse { Verdict = ApiTokenVerdict.Unknown },
            { RevokedAt: not null } => new CheckApiTokenResponse { Verdict = ApiTokenVerdict.Revoked },
            _ when !token.WorksAt(now) => new CheckApiTokenResponse { Verdict = ApiTokenVerdict.Expired },
            _ => new CheckApiTokenResponse { Verdict = ApiTokenVerdict.Active, Token = ApiTokenMapping.ToApi(token) },
        };
    }
}
