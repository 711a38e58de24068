using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using Ksst.Contracts.Audit.V1;
using Ksst.Contracts.Identity.V1;
using Ksst.Contracts.Registration.V1;
using ApiTokensClient = Ksst.Contracts.Identity.V1.ApiTokens.ApiTokensClient;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.IntegrationTests.Access;

/// <summary>
/// Personal API tokens for agencies' machine clients: an organiser of every programme creates
/// one scoped to a role and country, sees its secret once, lists it without the secret, and
/// revokes it; the token then acts exactly as its role and country on every service, and a
/// revoked token is refused on its very next call, over gRPC and JSON.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ApiTokenTests(StackFixture stack)
{
    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    private ApiTokensClient Tokens(string caller = "organiser") => new(stack.Channel("identity", caller));

    private static Metadata Bearer(string secret) => new() { { "authorization", $"Bearer {secret}" } };

    private Task<CreatedApiToken> CreateAsync(string name, ApiTokenRole role = ApiTokenRole.Agency, string country = "LK") =>
        Tokens().CreateApiTokenAsync(new CreateApiTokenRequest { Name = name, Role = role, Country = country }, deadline: Deadline).ResponseAsync;

    [Fact]
    public async Task An_agency_token_acts_as_its_country_until_it_is_revoked_and_is_refused_on_the_next_call()
    {
        var batch = await TestBatches.OpenAsync(stack, capacity: 10, quota: 3);
        var organiser = new NominationsClient(stack.Channel("registration"));
        var pk = await organiser.NominateAsync(TestBatches.Nomination(batch.BatchId, "PK"), deadline: Deadline);
        var created = await CreateAsync("LK ministry nomination system");
        Assert.Equal((ApiTokenRole.Agency, "LK", StackHarness.DemoTokens.Organiser), (created.Token.Role, created.Token.Country, created.Token.CreatedBy));
        var agency = new NominationsClient(stack.AnonymousChannel("registration"));
        var auth = Bearer(created.Secret);

        // As the LK agency: nominates for LK, sees only LK, and PK's nomination does not exist for it.
        var lk = await agency.NominateAsync(TestBatches.Nomination(batch.BatchId, "LK"), auth, Deadline);
        Assert.Equal("LK", lk.NominatingCountry);
        var listed = await agency.ListNominationsAsync(new ListNominationsRequest { BatchId = batch.BatchId }, auth, Deadline);
        Assert.Equal([lk.NominationId], listed.Nominations.Select(n => n.NominationId));
        var hidden = await Assert.ThrowsAsync<RpcException>(() => agency.GetNominationAsync(new GetNominationRequest { NominationId = pk.NominationId }, auth, Deadline).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, hidden.StatusCode);
        var notForPk = await Assert.ThrowsAsync<RpcException>(() => agency.NominateAsync(TestBatches.Nomination(batch.BatchId, "PK"), auth, Deadline).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, notForPk.StatusCode);
        var notAnOrganiser = await Assert.ThrowsAsync<RpcException>(() => agency.AcceptNominationAsync(new ChangeNominationRequest { NominationId = lk.NominationId }, auth, Deadline).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, notAnOrganiser.StatusCode);

        // The audit log names the token as the actor of the nomination.
        var audit = await new AuditLog.AuditLogClient(stack.Channel("registration")).ListAuditEntriesAsync(
            new ListAuditEntriesRequest { ResourceType = "nomination", ResourceId = lk.NominationId }, deadline: Deadline);
        Assert.Contains(audit.Entries, e => e.Actor.Subject == $"api-token:{created.Token.TokenId}" && e.Actor.Role == "agency");

        var revoked = await Tokens().RevokeApiTokenAsync(new RevokeApiTokenRequest { TokenId = created.Token.TokenId }, deadline: Deadline);
        Assert.NotNull(revoked.RevokedAt);
        var refused = await Assert.ThrowsAsync<RpcException>(() => agency.ListNominationsAsync(new ListNominationsRequest { BatchId = batch.BatchId }, auth, Deadline).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("revoked", refused.Status.Detail, StringComparison.Ordinal);
        var storedNothing = await Assert.ThrowsAsync<RpcException>(() => agency.NominateAsync(TestBatches.Nomination(batch.BatchId, "LK"), auth, Deadline).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, storedNothing.StatusCode);
        Assert.Equal(2, (await organiser.ListNominationsAsync(new ListNominationsRequest { BatchId = batch.BatchId }, deadline: Deadline)).Nominations.Count);

        // Over JSON the same: 401 with the google.rpc.Status body.
        using var http = stack.AnonymousHttp("registration");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/batches/{batch.BatchId}/nominations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", created.Secret);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)StatusCode.Unauthenticated, body.GetProperty("code").GetInt32());
        Assert.Contains("revoked", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_are_listed_without_their_secrets_and_only_organisers_of_every_programme_manage_them()
    {
        var created = await CreateAsync("monitoring", ApiTokenRole.Ops, "");
        var listed = await Tokens().ListApiTokensAsync(new ListApiTokensRequest(), deadline: Deadline);
        var shown = Assert.Single(listed.Tokens, t => t.TokenId == created.Token.TokenId);
        Assert.Equal((ApiTokenRole.Ops, "", "monitoring"), (shown.Role, shown.Country, shown.Name));
        var secretPart = created.Secret["ksst_pat_".Length..];
        Assert.DoesNotContain(secretPart, listed.ToString(), StringComparison.Ordinal);

        // An organiser of one programme only, an agency and a participant may not manage tokens; nor check one.
        foreach (var caller in new[] { "organiser-other", "agency", "participant", "ops", "agency-api-token" })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => Tokens(caller).CreateApiTokenAsync(
                new CreateApiTokenRequest { Name = "mine", Role = ApiTokenRole.Agency, Country = "LK" }, deadline: Deadline).ResponseAsync);
            Assert.True(error.StatusCode == StatusCode.PermissionDenied, $"{caller}: {error.StatusCode} {error.Status.Detail}");
        }
        var check = await Assert.ThrowsAsync<RpcException>(() => Tokens("agency").CheckApiTokenAsync(new CheckApiTokenRequest { Secret = created.Secret }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, check.StatusCode);
        Assert.DoesNotContain(
            (await Tokens().ListApiTokensAsync(new ListApiTokensRequest { IncludeInactive = true }, deadline: Deadline)).Tokens,
            t => t.Name == "mine");
    }

    [Fact]
    public async Task A_request_for_a_token_that_breaks_a_rule_is_invalid_argument_over_grpc_and_json()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Tokens().CreateApiTokenAsync(
            new CreateApiTokenRequest { Name = "", Role = ApiTokenRole.Agency, Country = "", ValidDays = 400 }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["name", "country", "valid_days"], error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));

        using var http = stack.AnonymousHttp("identity");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/api-tokens")
        {
            Content = JsonContent.Create(new { name = "ops", role = "API_TOKEN_ROLE_OPS", country = "LK" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await stack.TokenAsync("organiser", CancellationToken.None));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("country", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var missing = await Assert.ThrowsAsync<RpcException>(() => Tokens().RevokeApiTokenAsync(new RevokeApiTokenRequest { TokenId = Guid.NewGuid().ToString() }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_ops_token_reads_delivery_state_and_is_refused_personal_data()
    {
        var ops = await CreateAsync("ops dashboard", ApiTokenRole.Ops, "");
        var notifications = new Contracts.Notifications.V1.Notifications.NotificationsClient(stack.AnonymousChannel("notifications"));
        var deliveries = await notifications.ListDeliveriesAsync(new Contracts.Notifications.V1.ListDeliveriesRequest { BatchId = "ksst-sme-2018" }, Bearer(ops.Secret), Deadline);
        Assert.NotNull(deliveries);
        var registration = new NominationsClient(stack.AnonymousChannel("registration"));
        var refused = await Assert.ThrowsAsync<RpcException>(() => registration.ListNominationsAsync(new ListNominationsRequest { BatchId = "ksst-sme-2018" }, Bearer(ops.Secret), Deadline).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
