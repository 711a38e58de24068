using System.Net.Http.Headers;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// Gives a call to another service this service's access token, unless the call already carries
/// one (a call made on behalf of its caller, with the caller's own token).
/// </summary>
internal sealed class ServiceTokenHandler(ServiceTokens tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
