using System.Security.Cryptography;
using System.Text;
using Ksst.Scheduling.Feeds;

namespace Ksst.UnitTests.Scheduling;

/// <summary>Feed tokens: 256 random bits as base64url, stored only as their SHA-256, and anything not shaped like one opens nothing.</summary>
public sealed class FeedTokenTests
{
    [Fact]
    public void A_new_token_is_43_base64url_characters_of_256_random_bits_and_its_hash_is_its_sha256()
    {
        var (token, hash) = FeedToken.New();
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(token).Length);
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(token)), hash);
        Assert.Equal(hash, FeedToken.HashOf(token));
    }

    [Fact]
    public void Tokens_do_not_repeat()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => FeedToken.New().Token).ToHashSet(StringComparer.Ordinal);
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
    public void Anything_not_shaped_like_a_token_has_no_hash(string token) => Assert.Null(FeedToken.HashOf(token));

    [Fact]
    public void A_token_of_the_right_shape_is_hashed_whether_or_not_a_feed_has_it()
    {
        var made = new string('A', FeedToken.Length);
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(made)), FeedToken.HashOf(made));
    }
}
