using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Aspire.Hosting.Testing;
using Ksst.AppHost.Urls;
using Ksst.Contracts.Identity;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Ksst.IntegrationTests.Identity;

/// <summary>Machine clients' tokens: what they say, that they verify against the published keys, and how a bad request is refused.</summary>
[Collection(StackCollection.Name)]
public sealed class ClientCredentialsTests(StackFixture stack)
{
    [Fact]
    public async Task The_demo_organisers_token_is_a_plain_rs256_jwt_with_the_contracts_claims_that_verifies_against_the_jwks()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var credentials = Tokens.Credentials(stack).Client(DemoCredentials.OrganiserClient);

        var response = await Tokens.Client(stack).ForClientAsync(credentials.ClientId, credentials.Secret, scope: null, cts.Token);

        var token = new JsonWebToken(response.AccessToken);
        Assert.Equal(("RS256", "at+jwt"), (token.Alg, token.Typ));
        Assert.Equal(3, response.AccessToken.Split('.').Length); // signed, not encrypted
        Assert.Equal(IdentityHttp.Issuer(stack), token.Issuer);
        Assert.Equal(["identity", "notifications", "registration", "scheduling"], token.Audiences.Order(StringComparer.Ordinal));
        Assert.Equal((DemoCredentials.OrganiserClient, DemoCredentials.OrganiserClient), (token.Subject, token.GetClaim("client_id").Value));
        Assert.Equal("organiser", token.GetClaim("role").Value);
        Assert.Equal(["*"], IdentityHttp.Claims(token, "programme"));
        Assert.False(token.TryGetClaim("country", out _));
        Assert.False(token.TryGetClaim("email", out _));
        Assert.Equal(TimeSpan.FromMinutes(30), token.ValidTo - token.IssuedAt);
        Assert.Equal("registration scheduling notifications identity", response.Scope);
        foreach (var audience in DemoCredentials.Services)
        {
            var validation = await IdentityHttp.ValidateAsync(stack, response.AccessToken, audience, cts.Token);
            Assert.True(validation.IsValid, $"{audience}: {validation.Exception?.Message}");
        }
    }

    [Fact]
    public async Task An_agencys_token_names_its_country_and_a_scope_asked_for_is_the_only_audience()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var credentials = Tokens.Credentials(stack).Client(DemoCredentials.AgencyClient("LK"));

        var response = await Tokens.Client(stack).ForClientAsync(credentials.ClientId, credentials.Secret, scope: "registration", cts.Token);

        var token = new JsonWebToken(response.AccessToken);
        Assert.Equal(("agency", "LK"), (token.GetClaim("role").Value, token.GetClaim("country").Value));
        Assert.Equal(["registration"], token.Audiences);
        Assert.Empty(IdentityHttp.Claims(token, "programme"));
        Assert.False((await IdentityHttp.ValidateAsync(stack, response.AccessToken, "scheduling", cts.Token)).IsValid);
    }

    [Theory]
    [InlineData("scheduling")]
    [InlineData("notifications")]
    [InlineData("registration")]
    public async Task Each_service_has_a_client_of_its_own_with_the_role_service(string service)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);

        var token = new JsonWebToken(await Tokens.ForClientAsync(stack, service, cts.Token));

        Assert.Equal((service, service, "service"), (token.Subject, token.GetClaim("client_id").Value, token.GetClaim("role").Value));
    }

    [Fact]
    public async Task A_wrong_secret_is_invalid_client_401_in_json()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var endpoints = await Tokens.Client(stack).DiscoverAsync(cts.Token);
        using var http = new HttpClient { Timeout = StackFixture.Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoints.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DemoCredentials.OrganiserClient}:not-the-secret")));

        using var response = await http.SendAsync(request, cts.Token);

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client", "application/json"), await IdentityHttp.ErrorOfAsync(response, cts.Token));
    }

    /// <summary>Requests the token endpoint refuses: each is answered with an OAuth error in JSON, never a server error.</summary>
    public static TheoryData<string, string[], string> BadRequests => new()
    {
        { "no grant type", ["client_id", DemoCredentials.OpsClient], "invalid_request" },
        { "an unknown grant type", ["grant_type", "urn:ksst:magic", "client_id", DemoCredentials.OpsClient], "unsupported_grant_type" },
        { "the password grant", ["grant_type", "password", "username", "ops@ksst-demo.example", "password", "x"], "unsupported_grant_type" },
        { "an unknown client", ["grant_type", "client_credentials", "client_id", "nobody", "client_secret", "x"], "invalid_client" },
        { "no client", ["grant_type", "client_credentials"], "invalid_request" },
        { "an unknown scope", ["grant_type", "client_credentials", "client_id", DemoCredentials.OpsClient, "client_secret", "@demo-ops", "scope", "everything"], "invalid_scope" },
        { "the public client asking for client credentials", ["grant_type", "client_credentials", "client_id", "ksst-cli"], "invalid_request" },
        { "a made-up authorization code", ["grant_type", "authorization_code", "client_id", "ksst-cli", "code", "made-up", "redirect_uri", "http://127.0.0.1/callback", "code_verifier", new string('v', 43)], "invalid_grant" },
        { "a made-up refresh token", ["grant_type", "refresh_token", "client_id", "ksst-cli", "refresh_token", "made-up"], "invalid_grant" },
        { "a service presenting a code it was never given", ["grant_type", "authorization_code", "client_id", "scheduling", "client_secret", "@scheduling", "code", "x", "redirect_uri", "http://127.0.0.1/callback", "code_verifier", new string('v', 43)], "invalid_grant" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_token_request_is_an_oauth_error_in_json(string what, string[] fields, string error)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var credentials = Tokens.Credentials(stack);
        // "@client" stands for that client's real secret, so the refusal is about the rest of the request.
        var form = fields.Chunk(2).Select(f => KeyValuePair.Create(f[0], f[1].StartsWith('@') ? credentials.Client(f[1][1..]).Secret : f[1]));

        using var response = await IdentityHttp.PostTokenAsync(stack, form, cts.Token);

        var (status, actual, contentType) = await IdentityHttp.ErrorOfAsync(response, cts.Token);
        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{what}: {(int)status}");
        Assert.Equal((error, "application/json"), (actual, contentType));
    }

    [Fact]
    public async Task Requests_that_are_not_token_requests_are_refused_in_json_too()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var endpoints = await Tokens.Client(stack).DiscoverAsync(cts.Token);
        using var http = new HttpClient { Timeout = StackFixture.Timeout };

        using var get = await http.GetAsync(endpoints.TokenEndpoint, cts.Token);
        using var json = await http.PostAsync(endpoints.TokenEndpoint, new StringContent("{\"grant_type\":\"client_credentials\"}", Encoding.UTF8, "application/json"), cts.Token);
        using var garbage = await http.PostAsync(endpoints.TokenEndpoint, new ByteArrayContent([0xff, 0xfe, 0x00, 0x25]) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") } }, cts.Token);

        foreach (var response in new[] { get, json, garbage })
        {
            var (status, error, contentType) = await IdentityHttp.ErrorOfAsync(response, cts.Token);
            Assert.Equal((HttpStatusCode.BadRequest, "invalid_request", "application/json"), (status, error, contentType));
        }
    }

    [Fact]
    public async Task The_url_table_names_the_issuer_and_where_the_demo_credentials_are_which_only_their_owner_may_read()
    {
        var path = DemoCredentials.PathUnder(stack.DataRoot);
        var table = StackUrlTable.FromJson(await Eventually.Get(
            async ct => File.Exists(Path.Combine(stack.DataRoot, StackUrlTable.JsonFile)) ? await File.ReadAllTextAsync(Path.Combine(stack.DataRoot, StackUrlTable.JsonFile), ct) : null,
            StackFixture.Timeout, "the URL table"));

        var issuer = Assert.Single(table.Urls, u => u.Resource == "identity" && u.What == "OpenID Connect issuer");
        Assert.Equal(IdentityHttp.Issuer(stack), issuer.Address.TrimEnd('/') + "/");
        Assert.Contains(path, issuer.Note);
        Assert.Single(table.Urls, u => u.Resource == "identity" && u.Address == issuer.Address.TrimEnd('/') + "/.well-known/openid-configuration");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(stack.DataRoot, "identity", "keys", "signing.pem")));
        }
    }
}
