using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Ksst.Scheduling.Feeds;

/// <summary>
/// The secret in a feed's URL: 256 random bits as base64url (43 characters, no padding). The
/// database holds only its SHA-256 hash, and a feed is looked up by that hash, so neither a
/// stored row nor the time a lookup takes tells anything about another feed's token.
/// </summary>
internal static class FeedToken
{
    /// <summary>Random bytes in a token.</summary>
    public const int Bytes = 32;

    /// <summary>Characters of a token: base64url of <see cref="Bytes"/> bytes without padding.</summary>
    public const int Length = 43;

    /// <summary>A new token and the hash to store for it.</summary>
    public static (string Token, byte[] Hash) New()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));
        return (token, Hash(token));
    }

    /// <summary>The hash of <paramref name="token"/> when it has a token's form; null for anything else (looked up as nothing).</summary>
    public static byte[]? HashOf(string token) =>
        token.Length == Length && token.All(IsBase64UrlChar) ? Hash(token) : null;

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
