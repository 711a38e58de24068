using System.Security.Cryptography;
using System.Text;
using Ksst.ServiceDefaults.Access;

namespace Ksst.UnitTests.Access;

/// <summary>Secret tokens (feed URLs, API tokens): 256 random bits as base64url after a fixed prefix, stored only as their SHA-256, and anything not shaped like one opens nothing.</summary>
public sealed class SecretTokenTests
{
    [Fact]
    public void A_new_token_is_43_base64url_characters_of_256_random_bits_and_its_hash_is_its_sha256()
    {
        var (token, hash) = SecretToken.New();
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(token).Length);
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(token)), hash);
        Assert.Equal(hash, SecretToken.HashOf(token));
    }

    [Fact]
    public void Tokens_do_not_repeat()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => SecretToken.New().Token).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(1000, tokens.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 42
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")] // base64, not base64url
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\u00e9")]
    [InlineData("../../../../../../../../../../etc/passwd.ics")]
    public void Anything_not_shaped_like_a_token_has_no_hash(string token) => Assert.Null(SecretToken.HashOf(token));

    [Fact]
    public void A_token_of_the_right_shape_is_hashed_whether_or_not_a_feed_has_it()
    {
        var made = new string('A', SecretToken.Length);
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(made)), SecretToken.HashOf(made));
    }

    [Fact]
    public void A_prefixed_token_starts_with_its_prefix_and_its_hash_covers_the_whole_token()
    {
        var (token, hash) = SecretToken.New("ksst_pat_");
        Assert.Matches("^ksst_pat_[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(token)), hash);
        Assert.Equal(hash, SecretToken.HashOf(token, "ksst_pat_"));
    }

    [Fact]
    public void A_token_without_its_prefix_or_with_another_has_no_hash()
    {
        var (token, _) = SecretToken.New("ksst_pat_");
        Assert.Null(SecretToken.HashOf(token["ksst_pat_".Length..], "ksst_pat_"));
        Assert.Null(SecretToken.HashOf("ksst_xyz_" + token["ksst_pat_".Length..], "ksst_pat_"));
        Assert.Null(SecretToken.HashOf(token));
    }
}
