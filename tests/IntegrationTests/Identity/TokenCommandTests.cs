using Ksst.Contracts.Identity;
using Ksst.Ops;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Ksst.IntegrationTests.Identity;

/// <summary><c>./ksst token ROLE</c> against the running stack: the token alone on standard output, for <c>TOKEN=$(./ksst token organiser)</c>.</summary>
[Collection(StackCollection.Name)]
public sealed class TokenCommandTests(StackFixture stack)
{
    [Theory]
    [InlineData("organiser", null, "organiser", DemoCredentials.OrganiserClient)]
    [InlineData("ops", null, "ops", DemoCredentials.OpsClient)]
    [InlineData("agency", "LK", "agency", "demo-agency-lk")]
    [InlineData("agency-pk", null, "agency", "demo-agency-pk")]
    [InlineData("participant", null, "participant", "ksst-cli")]
    [InlineData("client", DemoCredentials.OtherOrganiserClient, "organiser", DemoCredentials.OtherOrganiserClient)]
    public async Task Each_demo_role_gets_its_token_printed_alone(string role, string? argument, string claimedRole, string clientId)
    {
        var (exit, output, errors) = await RunAsync(argument is null ? ["token", role] : ["token", role, argument]);

        Assert.True(exit == 0, errors);
        Assert.Empty(errors);
        Assert.EndsWith("\n", output);
        var token = new JsonWebToken(output.TrimEnd('\n'));
        Assert.Equal((claimedRole, clientId), (token.GetClaim("role").Value, token.GetClaim("client_id").Value));
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        Assert.True((await IdentityHttp.ValidateAsync(stack, token.EncodedToken, "registration", cts.Token)).IsValid);
    }

    [Theory]
    [InlineData("agency", "FR", "No demo client 'demo-agency-fr'")]
    [InlineData("boss", null, "Unknown role 'boss'")]
    [InlineData("user", "nobody@ksst-demo.example", "No demo user 'nobody@ksst-demo.example'")]
    public async Task A_role_without_a_demo_caller_prints_no_token_and_says_why(string role, string? argument, string reason)
    {
        var (exit, output, errors) = await RunAsync(argument is null ? ["token", role] : ["token", role, argument]);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains(reason, errors);
    }

    private async Task<(int Exit, string Output, string Errors)> RunAsync(string[] args)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exit = await OpsCommand.RunAsync([.. args, "--data-root", stack.DataRoot], output, errors, cts.Token).WaitAsync(cts.Token);
        return (exit, output.ToString(), errors.ToString());
    }
}
