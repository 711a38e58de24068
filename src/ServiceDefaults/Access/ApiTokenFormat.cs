using Microsoft.Extensions.Primitives;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// How a personal API token looks and whom its calls act as: "ksst_pat_" and a
/// <see cref="SecretToken"/>, sent as "Authorization: Bearer ksst_pat_…"; a call made with it has
/// the subject and client id "api-token:&lt;token id&gt;".
/// </summary>
public static class ApiTokenFormat
{
    /// <summary>What every API token starts with, so it is never mistaken for a JWT (and is easy to find in a leak scan).</summary>
    public const string Prefix = "ksst_pat_";

    /// <summary>Characters of an API token.</summary>
    public const int Length = 52;

    private const string Bearer = "Bearer ";

    /// <summary>The API token an Authorization header carries, or null when it carries none (a JWT, another scheme, nothing).</summary>
    public static string? Read(StringValues authorization)
    {
        var header = authorization.ToString();
        return header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            && header.AsSpan(Bearer.Length).Trim().StartsWith(Prefix, StringComparison.Ordinal)
            ? header[Bearer.Length..].Trim()
            : null;
    }

    /// <summary>The subject (and client id) of calls made with the token <paramref name="tokenId"/>.</summary>
    public static string Subject(string tokenId) => $"api-token:{tokenId}";
}
