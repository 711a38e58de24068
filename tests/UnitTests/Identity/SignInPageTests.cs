using Ksst.Identity.SignIn;
using Microsoft.AspNetCore.Http;

namespace Ksst.UnitTests.Identity;

/// <summary>The sign-in page: what it lets through, and where it sends a person afterwards.</summary>
public sealed class SignInPageTests
{
    [Theory]
    [InlineData("/connect/authorize?client_id=ksst-cli&response_type=code", true)]
    [InlineData("/connect/authorize", true)]
    [InlineData("//evil.example/connect/authorize?x=1", false)]
    [InlineData("https://evil.example/connect/authorize?x=1", false)]
    [InlineData("/connect/authorizeX?x=1", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/signed-out", false)]
    [InlineData(null, false)]
    public void A_sign_in_goes_back_only_to_the_authorization_endpoint(string? returnUrl, bool accepted) =>
        Assert.Equal(accepted ? returnUrl : null, ReturnUrls.Accepted(returnUrl));

    [Fact]
    public async Task Every_value_on_the_page_is_encoded_and_the_page_is_never_cached_or_framed()
    {
        var http = new DefaultHttpContext { Response = { Body = new MemoryStream() } };

        await SignInPage.Form("/signin", "__RequestVerificationToken", "t\"oken", "/connect/authorize?a=1&b=<2>", "\"><script>alert(1)</script>", SignInPage.Failed)
            .ExecuteAsync(http);

        http.Response.Body.Position = 0;
        var html = await new StreamReader(http.Response.Body).ReadToEndAsync();
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;", html);
        Assert.Contains("value=\"t&quot;oken\"", html);
        Assert.Contains("value=\"/connect/authorize?a=1&amp;b=&lt;2&gt;\"", html);
        Assert.Contains("role=\"alert\"", html);
        Assert.Equal("text/html; charset=utf-8", http.Response.ContentType);
        Assert.Equal("no-store", http.Response.Headers.CacheControl);
        Assert.Equal("DENY", http.Response.Headers.XFrameOptions);
        Assert.Contains("frame-ancestors 'none'", http.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Contains("default-src 'none'", http.Response.Headers.ContentSecurityPolicy.ToString());
    }
}
