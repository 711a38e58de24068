using System.Security.Claims;
using System.Text.Encodings.Web;
using Grpc.Core;
using Ksst.Contracts.Identity.V1;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// Authenticates a call that carries a personal API token ("Bearer ksst_pat_…") by asking
/// <see cref="IApiTokenChecker"/>: a working token makes the caller its role (and country), as
/// subject "api-token:&lt;id&gt;"; an unknown, revoked or expired one is refused with that short
/// reason; when the identity service cannot be asked, the call is UNAVAILABLE (it may be retried),
/// never let through.
/// </summary>
internal sealed partial class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder, IApiTokenChecker checker)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiTokenFormat.Read(Request.Headers.Authorization) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }
        CheckApiTokenResponse answer;
        try
        {
            answer = await checker.CheckAsync(secret, Context.RequestAborted);
        }
        catch (Exception e) when (e is RpcException or HttpRequestException && !Context.RequestAborted.IsCancellationRequested)
        {
            LogCannotCheck(Logger, e.GetType().Name);
            TokenFailures.RecordUnavailable(Context);
            return AuthenticateResult.Fail("the API token could not be checked");
        }
        if (answer.Verdict != ApiTokenVerdict.Active || answer.Token is null)
        {
            var reason = TokenFailures.Reason(answer.Verdict);
            TokenFailures.Record(Context, reason);
            return AuthenticateResult.Fail(reason);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(PrincipalOf(answer.Token), SchemeName));
    }

    /// <summary>The caller a working token makes, with the claims of the identity contract.</summary>
    public static ClaimsPrincipal PrincipalOf(ApiToken token)
    {
        var subject = ApiTokenFormat.Subject(token.TokenId);
        var identity = new ClaimsIdentity(SchemeName, ClaimNames.Subject, ClaimNames.Role);
        identity.AddClaim(new Claim(ClaimNames.Subject, subject));
        identity.AddClaim(new Claim(ClaimNames.ClientId, subject));
        identity.AddClaim(new Claim(ClaimNames.Role, token.Role switch
        {
            ApiTokenRole.Agency => "agency",
            ApiTokenRole.Ops => "ops",
            _ => throw new ArgumentException($"An API token cannot act as {token.Role}.", nameof(token)),
        }));
        if (token.Country.Length > 0)
        {
            identity.AddClaim(new Claim(ClaimNames.Country, token.Country));
        }
        identity.AddClaim(new Claim(ClaimNames.Name, token.Name));
        return new ClaimsPrincipal(identity);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An API token could not be checked: the identity service did not answer ({Failure}).")]
    private static partial void LogCannotCheck(ILogger logger, string failure);
}
