using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.ApplicationModel;
using Ksst.Contracts.Identity;
using Ksst.Ops.OAuth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Ksst.IntegrationTests.Identity;

/// <summary>Clients and users from configuration, the lockout after failed sign-ins, and a restart of the identity service.</summary>
[Collection(IdentityStackCollection.Name)]
public sealed class LockoutAndRestartTests(IdentityStack stack)
{
    [Fact]
    public async Task Clients_and_users_from_configuration_get_tokens_with_their_profiles()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var client = Tokens.Client(stack);

        var agency = new JsonWebToken((await client.ForClientAsync(IdentityStack.ConfiguredClient, IdentityStack.ConfiguredSecret, null, cts.Token)).AccessToken);
        // Signs in as a different, unlocked user of the same kind first: the configured one is the lockout test's.
        var organiser = new JsonWebToken((await client.ForPersonAsync("organiser@ksst-demo.example", Tokens.Credentials(stack).User("organiser@ksst-demo.example").Password, null, cts.Token)).AccessToken);

        Assert.Equal(("agency", "NP"), (agency.GetClaim("role").Value, agency.GetClaim("country").Value));
        Assert.Equal(("organiser", "*"), (organiser.GetClaim("role").Value, organiser.GetClaim("programme").Value));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_the_right_one_fails_too_while_others_still_sign_in()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout * 2);
        using var browser = IdentityHttp.Browser();
        var flow = new AuthorizationFlow(stack, browser);
        var (_, signInPage) = await flow.GetAsync(await flow.AuthorizeUrlAsync(cts.Token), cts.Token);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var (failed, _) = await flow.SignInAsync(signInPage!, IdentityStack.ConfiguredUser, $"wrong password {attempt}", cts.Token);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        var (locked, location) = await flow.SignInAsync(signInPage!, IdentityStack.ConfiguredUser, IdentityStack.ConfiguredPassword, cts.Token);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Null(location);
        Assert.Contains("The user name or password is not right", await locked.Content.ReadAsStringAsync(cts.Token));
        var refused = await Assert.ThrowsAsync<TokenRequestException>(() =>
            Tokens.Client(stack).ForPersonAsync(IdentityStack.ConfiguredUser, IdentityStack.ConfiguredPassword, null, cts.Token));
        Assert.Equal("sign_in_failed", refused.Error);
        var participant = Tokens.Credentials(stack).User(DemoCredentials.ParticipantUser);
        Assert.NotEmpty((await Tokens.Client(stack).ForPersonAsync(participant.UserName, participant.Password, null, cts.Token)).AccessToken);
    }

    [Fact]
    public async Task A_token_issued_before_a_restart_still_verifies_after_it_and_a_changed_secret_replaces_the_old_one()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout * 3);
        var client = Tokens.Client(stack);
        var path = DemoCredentials.PathUnder(stack.DataRoot);
        var before = (await client.ForClientAsync(DemoCredentials.OpsClient, Tokens.Credentials(stack).Client(DemoCredentials.OpsClient).Secret, null, cts.Token)).AccessToken;
        var oldSecret = Tokens.Credentials(stack).Client(DemoCredentials.OpsClient).Secret;
        var newSecret = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        await File.WriteAllTextAsync(path, ReplaceSecret(await File.ReadAllTextAsync(path, cts.Token), DemoCredentials.OpsClient, newSecret), cts.Token);

        await stack.RestartAsync("identity");

        var validation = await IdentityHttp.ValidateAsync(stack, before, "registration", cts.Token);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var after = new JsonWebToken((await client.ForClientAsync(DemoCredentials.OpsClient, newSecret, null, cts.Token)).AccessToken);
        Assert.Equal(new JsonWebToken(before).Kid, after.Kid);
        var refused = await Assert.ThrowsAsync<TokenRequestException>(() => client.ForClientAsync(DemoCredentials.OpsClient, oldSecret, null, cts.Token));
        Assert.Equal("invalid_client", refused.Error);
        // The services' own clients were not touched, and people still sign in.
        Assert.NotEmpty((await client.ForClientAsync("scheduling", Tokens.Credentials(stack).Client("scheduling").Secret, null, cts.Token)).AccessToken);
        var participant = Tokens.Credentials(stack).User(DemoCredentials.ParticipantUser);
        Assert.NotEmpty((await client.ForPersonAsync(participant.UserName, participant.Password, null, cts.Token)).AccessToken);
    }

    [Fact]
    public async Task The_identity_services_log_holds_no_secret_password_token_or_user_name()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout * 2);
        var client = Tokens.Client(stack);
        var credentials = Tokens.Credentials(stack);
        var organiser = credentials.Client(DemoCredentials.OrganiserClient);
        var participant = credentials.User(DemoCredentials.ParticipantUser);
        var token = (await client.ForClientAsync(organiser.ClientId, organiser.Secret, null, cts.Token)).AccessToken;
        await Assert.ThrowsAsync<TokenRequestException>(() => client.ForClientAsync(organiser.ClientId, "a-wrong-secret-of-some-length", null, cts.Token));
        var personal = (await client.ForPersonAsync(participant.UserName, participant.Password, null, cts.Token)).AccessToken;
        await Assert.ThrowsAsync<TokenRequestException>(() => client.ForPersonAsync(participant.UserName, "a-wrong-password-of-some-length", null, cts.Token));
        // The participant's one failure is undone by a sign-in, so the account is as it was.
        await client.ForPersonAsync(participant.UserName, participant.Password, null, cts.Token);

        var resource = stack.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "identity");
        var lines = new List<string>();
        await foreach (var batch in stack.App.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(resource).WithCancellation(cts.Token))
        {
            lines.AddRange(batch.Select(l => l.Content));
        }

        Assert.Contains(lines, l => l.Contains("Application started", StringComparison.Ordinal)); // the log was read
        string[] secrets =
        [
            organiser.Secret, "a-wrong-secret-of-some-length", participant.Password, "a-wrong-password-of-some-length",
            participant.UserName, IdentityStack.ConfiguredPassword, IdentityStack.ConfiguredSecret, token.Split('.')[2], personal.Split('.')[2],
        ];
        Assert.All(secrets, secret => Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase)));
    }

    private static string ReplaceSecret(string json, string clientId, string secret)
    {
        var document = JsonNode.Parse(json)!;
        var client = document["clients"]!.AsArray().Single(c => (string?)c!["clientId"] == clientId)!;
        client["secret"] = secret;
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
