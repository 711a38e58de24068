using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Ksst.Ops;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.IntegrationTests.Identity;

/// <summary><c>./ksst api-token</c> against the running stack: a token created, its secret printed alone and working, listed, and revoked.</summary>
[Collection(StackCollection.Name)]
public sealed class ApiTokenCommandTests(StackFixture stack)
{
    [Fact]
    public async Task A_token_made_from_the_terminal_works_is_listed_and_stops_working_once_revoked()
    {
        var (exit, secret, about) = await RunAsync(["api-token", "create", "agency", "LK", "LK system from the terminal", "--days", "7"]);
        Assert.True(exit == 0, about);
        Assert.Matches("^ksst_pat_[A-Za-z0-9_-]{43}\n$", secret);
        Assert.Contains("agency LK", about, StringComparison.Ordinal);
        var tokenId = about.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
        Assert.True(Guid.TryParse(tokenId, out _), about);

        var agency = new NominationsClient(stack.AnonymousChannel("registration"));
        var auth = new Metadata { { "authorization", $"Bearer {secret.TrimEnd('\n')}" } };
        Assert.NotNull(await agency.ListNominationsAsync(new ListNominationsRequest { BatchId = "ksst-sme-2018" }, auth, DateTime.UtcNow + StackFixture.Timeout));

        var (_, listed, _) = await RunAsync(["api-token", "list"]);
        Assert.Contains(tokenId, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.TrimEnd('\n'), listed, StringComparison.Ordinal);

        var (revokedExit, revoked, _) = await RunAsync(["api-token", "revoke", tokenId]);
        Assert.Equal(0, revokedExit);
        Assert.Contains("revoked", revoked, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<RpcException>(() => agency.ListNominationsAsync(new ListNominationsRequest { BatchId = "ksst-sme-2018" }, auth, DateTime.UtcNow + StackFixture.Timeout).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        var (_, stillListed, _) = await RunAsync(["api-token", "list"]);
        Assert.DoesNotContain(tokenId, stillListed, StringComparison.Ordinal);
        var (_, everyOne, _) = await RunAsync(["api-token", "list", "--all"]);
        Assert.Contains(tokenId, everyOne, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_of_no_role_is_a_usage_error_and_a_bad_country_is_refused_with_the_reason()
    {
        Assert.Equal(2, (await RunAsync(["api-token", "create", "boss", "x"])).Exit);
        var (exit, output, errors) = await RunAsync(["api-token", "create", "agency", "L1", "bad country"]);
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("InvalidArgument", errors, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Errors)> RunAsync(string[] args)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exit = await OpsCommand.RunAsync([.. args, "--data-root", stack.DataRoot], output, errors, cts.Token).WaitAsync(cts.Token);
        return (exit, output.ToString(), errors.ToString());
    }
}
