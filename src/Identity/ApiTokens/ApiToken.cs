namespace Ksst.Identity.ApiTokens;

/// <summary>
/// A personal API token: who it acts as (a role, and the agency's country), for how long, who
/// created and who revoked it. Its secret is never stored, only the secret's SHA-256
/// (<see cref="Ksst.ServiceDefaults.Access.SecretToken"/>), by which a presented token is found.
/// A row is never deleted: a revoked or expired token stays listed, so who held what stays known.
/// </summary>
internal sealed class ApiToken
{
    public Guid Id { get; set; }

    /// <summary>What it is for, as its creator named it.</summary>
    public required string Name { get; set; }

    /// <summary>"agency" or "ops" (<see cref="Ksst.ServiceDefaults.Access.Role"/>, lower case).</summary>
    public required string Role { get; set; }

    /// <summary>The agency's member country (ISO 3166-1 alpha-2); null for ops.</summary>
    public string? Country { get; set; }

    /// <summary>SHA-256 of the secret.</summary>
    public required byte[] SecretHash { get; set; }

    /// <summary>The subject of the organiser who created it.</summary>
    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The subject of the organiser who revoked it.</summary>
    public string? RevokedBy { get; set; }

    /// <summary>Whether it works at <paramref name="now"/>.</summary>
    public bool WorksAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}
