using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// A bearer secret handed out once (a calendar feed's URL, a personal API token): an optional
/// fixed prefix and 256 random bits as base64url (43 characters, no padding). The database holds
/// only the SHA-256 hash of the whole token, and a token is looked up by that hash, so neither a
/// stored row nor the time a lookup takes tells anything about another token. (The secret's
/// entropy makes a slow password hash unnecessary.)
/// </summary>
public static class SecretToken
{
    /// <summary>Random bytes in a token.</summary>
    public const int Bytes = 32;

    /// <summary>Characters of a token after its prefix: base64url of <see cref="Bytes"/> bytes without padding.</summary>
    public const int Length = 43;

    /// <summary>A new token starting with <paramref name="prefix"/>, and the hash to store for it.</summary>
    public static (string Token, byte[] Hash) New(string prefix = "")
    {
        var token = prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));
        return (token, Hash(token));
    }

    /// <summary>The hash of <paramref name="token"/> when it has a token's form (with <paramref name="prefix"/>); null for anything else (looked up as nothing).</summary>
    public static byte[]? HashOf(string token, string prefix = "") =>
        token.Length == prefix.Length + Length
        && token.StartsWith(prefix, StringComparison.Ordinal)
        && token.AsSpan(prefix.Length).ContainsAnyExcept(Base64UrlChars) is false
            ? Hash(token)
            : null;

    private static readonly System.Buffers.SearchValues<char> Base64UrlChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));
}
