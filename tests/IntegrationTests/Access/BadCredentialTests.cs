using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.IntegrationTests.Access;

/// <summary>
/// Credentials that are not a valid token of the identity service never get in and never crash
/// anything: each is UNAUTHENTICATED (HTTP 401 over JSON) with a short reason, and the request
/// they carried changed nothing.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class BadCredentialTests(StackFixture stack)
{
    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Base64Url(string json) => Base64Url(Encoding.UTF8.GetBytes(json));

    private static byte[] FromBase64Url(string part) =>
        Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight(part.Length + (4 - part.Length % 4) % 4, '='));

    /// <summary>Each bad Authorization header, by what is wrong with it.</summary>
    private async Task<IReadOnlyList<(string What, string Header)>> BadHeadersAsync(CancellationToken ct)
    {
        var real = await stack.TokenAsync("organiser", ct);
        var parts = real.Split('.');
        var payload = Encoding.UTF8.GetString(FromBase64Url(parts[1]));
        var widened = "{\"programme\":\"*\"," + payload[1..];
        using var foreignKey = RSA.Create(2048);
        var foreignHeader = Base64Url("""{"alg":"RS256","typ":"at+jwt","kid":"not-a-ksst-key"}""");
        var foreignSignature = Base64Url(foreignKey.SignData(Encoding.ASCII.GetBytes($"{foreignHeader}.{parts[1]}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var narrow = await ScopedTokenAsync("scheduling", ct);
        return
        [
            ("garbage", "Bearer garbage"),
            ("not a bearer token", "Basic ZGVtbzpkZW1v"),
            ("empty bearer", "Bearer "),
            ("tampered payload", $"Bearer {parts[0]}.{Base64Url(widened)}.{parts[2]}"),
            ("tampered signature", $"Bearer {parts[0]}.{parts[1]}.{Base64Url(FromBase64Url(parts[2]).Reverse().ToArray())}"),
            ("alg none", $"Bearer {Base64Url("""{"alg":"none","typ":"JWT"}""")}.{parts[1]}."),
            ("signed by another key", $"Bearer {foreignHeader}.{parts[1]}.{foreignSignature}"),
            ("meant for another service", $"Bearer {narrow}"),
            ("an API token nobody was given", $"Bearer ksst_pat_{new string('A', 43)}"),
            ("a cut-off API token", "Bearer ksst_pat_AAAA"),
        ];
    }

    /// <summary>A real token of the demo organiser for <paramref name="scope"/> only (so its audience is that service alone).</summary>
    private async Task<string> ScopedTokenAsync(string scope, CancellationToken ct)
    {
        using var http = stack.AnonymousHttp("identity");
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = StackHarness.DemoTokens.Organiser,
            ["client_secret"] = await stack.Tokens.SecretOfAsync(StackHarness.DemoTokens.Organiser, ct),
            ["scope"] = scope,
        }), ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Token>(ct))!.AccessToken;
    }

    private sealed record Token([property: JsonPropertyName("access_token")] string AccessToken);

    /// <summary>
    /// A real organiser token with its claims changed by <paramref name="change"/>, signed again
    /// with the identity service's own signing key (from the stack's key folder), so that only
    /// the changed claim can make it invalid.
    /// </summary>
    private async Task<string> ResignedAsync(Action<JsonObject> change, CancellationToken ct)
    {
        var parts = (await stack.TokenAsync("organiser", ct)).Split('.');
        var claims = JsonNode.Parse(FromBase64Url(parts[1]))!.AsObject();
        change(claims);
        using var key = RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(stack.DataRoot, "identity", "keys", "signing.pem"), ct));
        var header = Base64Url(JsonSerializer.Serialize(new { alg = "RS256", typ = "at+jwt", kid = Base64Url(SHA256.HashData(key.ExportSubjectPublicKeyInfo())) }));
        var body = Base64Url(claims.ToJsonString());
        var signature = key.SignData(Encoding.ASCII.GetBytes($"{header}.{body}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{body}.{Base64Url(signature)}";
    }

    [Fact]
    public async Task Expired_not_yet_valid_and_foreign_issuer_tokens_are_unauthenticated_with_their_reason()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var client = new Programmes.ProgrammesClient(stack.AnonymousChannel("registration"));
        async Task<RpcException?> CallAsync(string token)
        {
            try
            {
                await client.ListProgrammesAsync(new ListProgrammesRequest(), new Metadata { { "authorization", $"Bearer {token}" } }, Deadline);
                return null;
            }
            catch (RpcException e)
            {
                return e;
            }
        }

        // The same token signed again unchanged is accepted: the refusals below are for the claim alone.
        Assert.Null(await CallAsync(await ResignedAsync(_ => { }, cts.Token)));
        var cases = new (string What, Action<JsonObject> Change, string Reason)[]
        {
            ("expired", c => { c["exp"] = now - 600; c["iat"] = now - 2400; c["nbf"] = now - 2400; }, "expired"),
            ("not yet valid", c => { c["nbf"] = now + 3600; c["iat"] = now + 3600; c["exp"] = now + 7200; }, "not valid yet"),
            ("another issuer", c => c["iss"] = "http://127.0.0.1:1/", "not issued by"),
            ("another audience", c => c["aud"] = "somebody-else", "not meant for this service"),
        };
        foreach (var (what, change, reason) in cases)
        {
            var error = await CallAsync(await ResignedAsync(change, cts.Token));
            Assert.True(error is { StatusCode: StatusCode.Unauthenticated }, $"{what}: {error?.StatusCode.ToString() ?? "accepted"}");
            Assert.Contains(reason, error!.Status.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_bad_credential_is_unauthenticated_over_grpc_and_stores_nothing()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var batch = await TestBatches.OpenAsync(stack);
        var client = new NominationsClient(stack.AnonymousChannel("registration"));
        foreach (var (what, header) in await BadHeadersAsync(cts.Token))
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => client.NominateAsync(
                TestBatches.Nomination(batch.BatchId), new Metadata { { "authorization", header } }, Deadline).ResponseAsync);
            Assert.True(error.StatusCode == StatusCode.Unauthenticated, $"{what}: {error.StatusCode} {error.Status.Detail}");
            Assert.InRange(error.Status.Detail.Length, 10, 120);
        }
        var listed = await new NominationsClient(stack.Channel("registration")).ListNominationsAsync(new ListNominationsRequest { BatchId = batch.BatchId }, deadline: Deadline);
        Assert.Empty(listed.Nominations);
    }

    [Fact]
    public async Task Every_bad_credential_is_401_over_json_with_a_status_body()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var http = stack.AnonymousHttp("registration");
        foreach (var (what, header) in await BadHeadersAsync(cts.Token))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/programmes/ksst-sme");
            request.Headers.TryAddWithoutValidation("Authorization", header);
            using var response = await http.SendAsync(request, cts.Token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cts.Token));
            Assert.Equal((int)StatusCode.Unauthenticated, body.RootElement.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(body.RootElement.GetProperty("message").GetString()));
        }
    }

    [Fact]
    public async Task No_token_is_unauthenticated_and_health_stays_open()
    {
        using var http = stack.AnonymousHttp("registration");
        using var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // Open, and revealing nothing but the status; an operator sees the checks.
        using (var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()))
        {
            Assert.Equal(["status"], report.RootElement.EnumerateObject().Select(p => p.Name));
        }
        using var ops = stack.Http("registration", "ops");
        using (var report = JsonDocument.Parse(await ops.GetStringAsync("/health")))
        {
            Assert.Contains(report.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "broker");
        }
        using var programmes = await http.GetAsync("/api/v1/programmes");
        Assert.Equal(HttpStatusCode.Unauthorized, programmes.StatusCode);
        using var roster = await http.GetAsync("/api/v1/batches/ksst-sme-2018/roster.csv");
        Assert.Equal(HttpStatusCode.Unauthorized, roster.StatusCode);
        var error = await Assert.ThrowsAsync<RpcException>(() => new Programmes.ProgrammesClient(stack.AnonymousChannel("registration"))
            .ListProgrammesAsync(new ListProgrammesRequest(), deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("access token", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_roster_csv_is_the_organisers_and_each_agency_sees_its_own_rows()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var agency = stack.Http("registration", "agency");
        var csv = await agency.GetStringAsync("/api/v1/batches/ksst-sme-2018/roster.csv", cts.Token);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Single(rows);
        Assert.Contains(",LK,", rows[0], StringComparison.Ordinal);
        using var participant = stack.Http("registration", "participant");
        using var refused = await participant.GetAsync("/api/v1/batches/ksst-sme-2018/roster.csv", cts.Token);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var organiser = stack.Http("registration");
        Assert.Equal(21, (await organiser.GetStringAsync("/api/v1/batches/ksst-sme-2018/roster.csv", cts.Token)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
