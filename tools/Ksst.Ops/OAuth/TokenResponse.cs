namespace Ksst.Ops.OAuth;

/// <summary>What the token endpoint gave.</summary>
/// <param name="AccessToken">The access token (a JWT).</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="Scope">The scopes granted, space-separated.</param>
/// <param name="RefreshToken">A refresh token, when one was granted.</param>
public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string Scope, string? RefreshToken);

/// <summary>The identity service refused a request (an OAuth error), or answered what a client cannot use.</summary>
/// <param name="error">The OAuth error code (<c>invalid_client</c>, <c>invalid_grant</c>, …), or a short reason.</param>
/// <param name="description">The server's description.</param>
public sealed class TokenRequestException(string error, string description) : Exception($"{error}: {description}")
{
    /// <summary>The OAuth error code, or a short reason.</summary>
    public string Error { get; } = error;
}
