using System.Net;
using System.Text.Json;
using System.Web;
using Ksst.Contracts.Identity;
using Ksst.Ops.OAuth;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Ksst.IntegrationTests.Identity;

/// <summary>A person's sign-in: authorization code with PKCE through the sign-in page, refresh, sign-out, and what is refused on the way.</summary>
[Collection(StackCollection.Name)]
public sealed class SignInTests(StackFixture stack)
{
    private UserCredentials Participant => Tokens.Credentials(stack).User(DemoCredentials.ParticipantUser);

    [Fact]
    public async Task The_participant_signs_in_through_the_page_and_gets_a_token_with_their_email_and_a_refresh_token_that_works()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var browser = IdentityHttp.Browser();
        var flow = new AuthorizationFlow(stack, browser);

        // Not signed in: the authorization endpoint sends the person to the sign-in page and back.
        var (toSignIn, signInPage) = await flow.GetAsync(await flow.AuthorizeUrlAsync(cts.Token), cts.Token);
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.Equal("/signin", signInPage!.AbsolutePath);
        Assert.StartsWith("/connect/authorize?", HttpUtility.ParseQueryString(signInPage.Query)["ReturnUrl"]);
        var (signedIn, back) = await flow.SignInAsync(signInPage, Participant.UserName, Participant.Password, cts.Token);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.StartsWith("/connect/authorize?", back!.PathAndQuery);
        var (toClient, callback) = await flow.GetAsync(back, cts.Token);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);

        using var redeemed = await flow.RedeemAsync(flow.CodeOf(callback!), flow.Verifier, cts.Token);
        using var tokens = JsonDocument.Parse(await redeemed.Content.ReadAsStringAsync(cts.Token));
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        var token = new JsonWebToken(tokens.RootElement.GetProperty("access_token").GetString());
        Assert.Equal(("participant", "nimali.perera@ksst-demo.example", "ksst-cli"), (token.GetClaim("role").Value, token.GetClaim("email").Value, token.GetClaim("client_id").Value));
        Assert.True(Guid.TryParse(token.Subject, out _), $"sub is the user's id, not '{token.Subject}'");
        Assert.Equal("Nimali Perera", token.GetClaim("name").Value);
        Assert.Equal(["identity", "notifications", "registration", "scheduling"], token.Audiences.Order(StringComparer.Ordinal));
        Assert.True((await IdentityHttp.ValidateAsync(stack, token.EncodedToken, "scheduling", cts.Token)).IsValid);

        // Refreshed: a new access token for the same person and a new refresh token; the old one is spent.
        var refresh = tokens.RootElement.GetProperty("refresh_token").GetString()!;
        using var refreshed = await IdentityHttp.PostTokenAsync(stack, AuthorizationFlow.Form(
            ("grant_type", "refresh_token"), ("client_id", TokenClient.CommandLineClientId), ("refresh_token", refresh)), cts.Token);
        using var renewed = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync(cts.Token));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(token.Subject, new JsonWebToken(renewed.RootElement.GetProperty("access_token").GetString()).Subject);
        Assert.NotEqual(refresh, renewed.RootElement.GetProperty("refresh_token").GetString());
    }

    [Fact]
    public async Task A_code_without_its_verifier_or_with_another_is_refused_and_a_code_is_redeemed_once()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var browser = IdentityHttp.Browser();
        var flow = new AuthorizationFlow(stack, browser);
        var withoutVerifier = flow.CodeOf(await flow.CallbackAsync(Participant.UserName, Participant.Password, cts.Token));
        // Signed in now: the next authorization goes straight to the client.
        var (_, second) = await flow.GetAsync(await flow.AuthorizeUrlAsync(cts.Token), cts.Token);
        var withWrongVerifier = flow.CodeOf(second!);

        using var missing = await flow.RedeemAsync(withoutVerifier, verifier: null, cts.Token);
        using var wrong = await flow.RedeemAsync(withWrongVerifier, new string('w', 43), cts.Token);

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request", "application/json"), await IdentityHttp.ErrorOfAsync(missing, cts.Token));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant", "application/json"), await IdentityHttp.ErrorOfAsync(wrong, cts.Token));
        // Whoever lacks the verifier cannot spend the code: its client still can, once.
        using var redeemed = await flow.RedeemAsync(withWrongVerifier, flow.Verifier, cts.Token);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        using var replayed = await flow.RedeemAsync(withWrongVerifier, flow.Verifier, cts.Token);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant", "application/json"), await IdentityHttp.ErrorOfAsync(replayed, cts.Token));
    }

    [Fact]
    public async Task A_code_is_redeemed_only_by_the_client_it_was_issued_to()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var browser = IdentityHttp.Browser();
        var flow = new AuthorizationFlow(stack, browser);
        var code = flow.CodeOf(await flow.CallbackAsync(Participant.UserName, Participant.Password, cts.Token));

        using var stolen = await IdentityHttp.PostTokenAsync(stack, AuthorizationFlow.Form(
            ("grant_type", "authorization_code"), ("client_id", DemoCredentials.OpsClient), ("client_secret", Tokens.Credentials(stack).Client(DemoCredentials.OpsClient).Secret),
            ("code", code), ("redirect_uri", flow.RedirectUri), ("code_verifier", flow.Verifier)), cts.Token);

        var (status, error, _) = await IdentityHttp.ErrorOfAsync(stolen, cts.Token);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(error, new[] { "invalid_grant", "unauthorized_client" });
    }

    [Theory]
    [InlineData("code_challenge", null, "invalid_request")]
    [InlineData("code_challenge_method", "plain", "invalid_request")]
    [InlineData("code_challenge_method", null, "invalid_request")]
    [InlineData("response_type", "token", "unsupported_response_type")]
    public async Task An_authorization_request_without_a_s256_challenge_gets_no_code(string parameter, string? value, string error)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var browser = IdentityHttp.Browser();
        var flow = new AuthorizationFlow(stack, browser);

        var (response, location) = await flow.GetAsync(await flow.AuthorizeUrlAsync(cts.Token, (parameter, value)), cts.Token);

        var answer = location is null ? await response.Content.ReadAsStringAsync(cts.Token) : HttpUtility.UrlDecode(location.Query);
        Assert.Contains(error, answer);
        Assert.DoesNotContain("code=", location?.Query ?? "");
        Assert.False(location is not null && location.AbsolutePath == "/signin", "sent to sign in despite the bad request");
    }

    [Theory]
    [InlineData("http://evil.example/callback")]
    [InlineData("http://127.0.0.1:5555/elsewhere")]
    [InlineData("https://127.0.0.1/callback")]
    public async Task An_unregistered_redirect_uri_is_refused_without_being_redirected_to(string redirectUri)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var browser = IdentityHttp.Browser();
        var flow = new AuthorizationFlow(stack, browser);

        var (response, location) = await flow.GetAsync(await flow.AuthorizeUrlAsync(cts.Token, ("redirect_uri", redirectUri)), cts.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(location);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync(cts.Token));
    }

    [Fact]
    public async Task The_sign_in_form_is_refused_without_its_antiforgery_token()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var browser = IdentityHttp.Browser();
        var flow = new AuthorizationFlow(stack, browser);
        var (_, signInPage) = await flow.GetAsync(await flow.AuthorizeUrlAsync(cts.Token), cts.Token);

        using var forged = await browser.PostAsync(new Uri(signInPage!, "/signin"), new FormUrlEncodedContent(AuthorizationFlow.Form(
            ("userName", Participant.UserName), ("password", Participant.Password), ("returnUrl", "/connect/authorize"))), cts.Token);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(forged.Headers.Location);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_page_again_with_a_reason_that_does_not_say_which_part_was_wrong()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var browser = IdentityHttp.Browser();
        var flow = new AuthorizationFlow(stack, browser);
        var (_, signInPage) = await flow.GetAsync(await flow.AuthorizeUrlAsync(cts.Token), cts.Token);

        // Not the participant: their account must not collect failed sign-ins here.
        var (unknown, _) = await flow.SignInAsync(signInPage!, "nobody@ksst-demo.example", "a wrong password", cts.Token);
        var (wrong, _) = await flow.SignInAsync(signInPage!, "ops@ksst-demo.example", "a wrong password", cts.Token);

        foreach (var response in new[] { unknown, wrong })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.Location);
            var page = await response.Content.ReadAsStringAsync(cts.Token);
            Assert.Contains("role=\"alert\"", page);
            Assert.Contains("The user name or password is not right", page);
        }
    }

    [Fact]
    public async Task After_signing_out_the_next_authorization_asks_to_sign_in_again()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var browser = IdentityHttp.Browser();
        var flow = new AuthorizationFlow(stack, browser);
        flow.CodeOf(await flow.CallbackAsync(Participant.UserName, Participant.Password, cts.Token));
        var logout = new Uri(await flow.AuthorizeUrlAsync(cts.Token), "/connect/logout");

        var (signedOut, signedOutPage) = await flow.GetAsync(logout, cts.Token);
        var (again, location) = await flow.GetAsync(await flow.AuthorizeUrlAsync(cts.Token), cts.Token);

        Assert.Equal((HttpStatusCode.Redirect, "/signed-out"), (signedOut.StatusCode, signedOutPage!.AbsolutePath));
        Assert.Equal((HttpStatusCode.Redirect, "/signin"), (again.StatusCode, location!.AbsolutePath));
    }

    [Fact]
    public async Task Sign_in_with_prompt_login_asks_again_even_when_signed_in_and_then_issues_a_code()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var browser = IdentityHttp.Browser();
        var flow = new AuthorizationFlow(stack, browser);
        flow.CodeOf(await flow.CallbackAsync(Participant.UserName, Participant.Password, cts.Token));

        var (_, signInPage) = await flow.GetAsync(await flow.AuthorizeUrlAsync(cts.Token, ("prompt", "login")), cts.Token);
        Assert.Equal("/signin", signInPage!.AbsolutePath);
        var (_, back) = await flow.SignInAsync(signInPage, Participant.UserName, Participant.Password, cts.Token);
        var (_, callback) = await flow.GetAsync(back!, cts.Token);

        Assert.DoesNotContain("prompt=login", back!.Query);
        using var redeemed = await flow.RedeemAsync(flow.CodeOf(callback!), flow.Verifier, cts.Token);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
    }

    [Fact]
    public async Task The_token_command_s_sign_in_gives_the_participant_s_token_as_the_tests_use_it()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);

        var token = new JsonWebToken(await Tokens.ForParticipantAsync(stack, cts.Token));

        Assert.Equal(("participant", DemoCredentials.ParticipantUser), (token.GetClaim("role").Value, token.GetClaim("email").Value));
    }
}
