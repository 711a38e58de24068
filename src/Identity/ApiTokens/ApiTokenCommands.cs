using Ksst.Identity.Data;
using Ksst.Platform.Sqlite;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Identity.ApiTokens;

/// <summary>
/// Creating and revoking API tokens, each in one unit of work. A revocation holds from the moment
/// it commits: the services ask about a token on every call and nothing caches the answer.
/// </summary>
internal sealed class ApiTokenCommands(IdentityDb db, UnitOfWork<IdentityDb> unitOfWork, TimeProvider clock)
{
    /// <summary>Tokens that may work at a time: more is a leak waiting to happen, not a need.</summary>
    public const int MaxWorking = 100;

    /// <summary>A new token of <paramref name="plan"/> by <paramref name="createdBy"/>, and its secret (never stored).</summary>
    public Task<(ApiToken Token, string Secret)> CreateAsync(ApiTokenPlan plan, string createdBy, CancellationToken ct)
    {
        var (secret, hash) = SecretToken.New(ApiTokenFormat.Prefix);
        return unitOfWork.RunAsync(async _ =>
        {
            var now = clock.GetUtcNow();
            var working = await db.ApiTokens.CountAsync(t => t.RevokedAt == null && t.ExpiresAt > now, ct);
            if (working >= MaxWorking)
            {
                throw RpcErrors.FailedPrecondition("TOO_MANY_API_TOKENS", "api-tokens",
                    $"{working} API tokens already work; revoke those no longer needed first.");
            }
            var token = new ApiToken
            {
                Id = Guid.NewGuid(),
                Name = plan.Name,
                Role = plan.Role,
                Country = plan.Country,
                SecretHash = hash,
                CreatedBy = createdBy,
                CreatedAt = now,
                ExpiresAt = now + plan.Validity,
            };
            db.ApiTokens.Add(token);
            return (token, secret);
        }, ct);
    }

    /// <summary>Revokes the token (once: revoking it again keeps the first revocation); NOT_FOUND when there is none.</summary>
    public Task<ApiToken> RevokeAsync(Guid tokenId, string revokedBy, CancellationToken ct) => unitOfWork.RunAsync(async _ =>
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, ct)
            ?? throw RpcErrors.NotFound("api-token", tokenId.ToString());
        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            token.RevokedBy = revokedBy;
        }
        return token;
    }, ct);
}
