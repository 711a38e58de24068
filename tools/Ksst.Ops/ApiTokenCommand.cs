using Ksst.Contracts.Identity;
using Ksst.Contracts.Identity.V1;

namespace Ksst.Ops;

/// <summary>
/// <c>./ksst api-token</c>: personal API tokens of the running stack, managed as the demo
/// organiser of every programme. A new token's secret is printed alone on standard output
/// (<c>PAT=$(./ksst api-token create agency LK "LK system")</c>), what it is on standard error.
/// </summary>
internal static class ApiTokenCommand
{
    private static Task<Grpc.Net.Client.GrpcChannel> OrganiserChannelAsync(StackAddresses stack, CancellationToken ct) =>
        DemoChannel.ForAsync(stack, "identity", DemoCredentials.OrganiserClient, ct);

    private static DateTime Deadline => DateTime.UtcNow + DemoChannel.CallDeadline;

    /// <summary>Creates a token of <paramref name="role"/> ("agency" with <paramref name="country"/>, or "ops") named <paramref name="name"/>.</summary>
    public static async Task<int> CreateAsync(StackAddresses stack, string role, string? country, string name, int days, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var request = new CreateApiTokenRequest
        {
            Name = name,
            Role = role switch
            {
                "agency" => ApiTokenRole.Agency,
                "ops" => ApiTokenRole.Ops,
                _ => throw new OpsException($"An API token acts as agency or ops, not '{role}'."),
            },
            Country = country ?? "",
            ValidDays = days,
        };
        using var channel = await OrganiserChannelAsync(stack, ct);
        var created = await new ApiTokens.ApiTokensClient(channel).CreateApiTokenAsync(request, deadline: Deadline, cancellationToken: ct);
        await output.WriteLineAsync(created.Secret);
        await errors.WriteLineAsync($"ksst: API token {Describe(created.Token)}. Its secret (above) is shown this once.");
        return 0;
    }

    /// <summary>Lists the tokens that work (every one with <paramref name="all"/>), never their secrets.</summary>
    public static async Task<int> ListAsync(StackAddresses stack, bool all, TextWriter output, CancellationToken ct)
    {
        using var channel = await OrganiserChannelAsync(stack, ct);
        var listed = await new ApiTokens.ApiTokensClient(channel).ListApiTokensAsync(new ListApiTokensRequest { IncludeInactive = all }, deadline: Deadline, cancellationToken: ct);
        foreach (var token in listed.Tokens)
        {
            await output.WriteLineAsync(Describe(token));
        }
        await output.WriteLineAsync($"{listed.Tokens.Count} API tokens{(all ? "" : " that work")}.");
        return 0;
    }

    /// <summary>Revokes the token <paramref name="tokenId"/>: refused from its next call on.</summary>
    public static async Task<int> RevokeAsync(StackAddresses stack, string tokenId, TextWriter output, CancellationToken ct)
    {
        using var channel = await OrganiserChannelAsync(stack, ct);
        var revoked = await new ApiTokens.ApiTokensClient(channel).RevokeApiTokenAsync(new RevokeApiTokenRequest { TokenId = tokenId }, deadline: Deadline, cancellationToken: ct);
        await output.WriteLineAsync(Describe(revoked));
        return 0;
    }

    private static string Describe(ApiToken token)
    {
        var role = token.Role == ApiTokenRole.Agency ? $"agency {token.Country}" : "ops";
        var state = token.RevokedAt is { } revoked ? $"revoked {revoked.ToDateTimeOffset():u} by {token.RevokedBy}" : $"works until {token.ExpiresAt.ToDateTimeOffset():u}";
        return $"{token.TokenId}  {role}  \"{token.Name}\"  created {token.CreatedAt.ToDateTimeOffset():u} by {token.CreatedBy}, {state}";
    }
}
