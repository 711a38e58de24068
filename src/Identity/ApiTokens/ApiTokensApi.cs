using Grpc.Core;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Identity.V1;

namespace Ksst.Identity.ApiTokens;

/// <summary>
/// The gRPC adapter of API tokens. Managing them is for organisers of every programme (a token
/// acts across every programme's batches); checking one is for the KSST services
/// (<see cref="Access.IdentityAccess"/>).
/// </summary>
internal sealed class ApiTokensApi(ApiTokenCommands commands, ApiTokenQueries queries) : Api.ApiTokens.ApiTokensBase
{
    private const string WhyLead = "API tokens act across every programme; only an organiser of every programme may manage them.";

    public override async Task<Api.CreatedApiToken> CreateApiToken(Api.CreateApiTokenRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        caller.CheckOrganisesEveryProgramme(WhyLead);
        var (token, secret) = await commands.CreateAsync(ApiTokenPlan.Of(request), caller.Subject, context.CancellationToken);
        return new Api.CreatedApiToken { Token = ApiTokenMapping.ToApi(token), Secret = secret };
    }

    public override async Task<Api.ListApiTokensResponse> ListApiTokens(Api.ListApiTokensRequest request, ServerCallContext context)
    {
        context.Caller().CheckOrganisesEveryProgramme(WhyLead);
        var tokens = await queries.ListAsync(request.IncludeInactive, context.CancellationToken);
        return new Api.ListApiTokensResponse { Tokens = { tokens.Select(ApiTokenMapping.ToApi) } };
    }

    public override async Task<Api.ApiToken> RevokeApiToken(Api.RevokeApiTokenRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        caller.CheckOrganisesEveryProgramme(WhyLead);
        if (!Guid.TryParse(request.TokenId, out var tokenId))
        {
            throw RpcErrors.InvalidArgument("token_id", "A token id is a UUID.");
        }
        return ApiTokenMapping.ToApi(await commands.RevokeAsync(tokenId, caller.Subject, context.CancellationToken));
    }

    public override Task<Api.CheckApiTokenResponse> CheckApiToken(Api.CheckApiTokenRequest request, ServerCallContext context) =>
        queries.CheckAsync(request.Secret, context.CancellationToken);
}
