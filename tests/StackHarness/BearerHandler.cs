using System.Net.Http.Headers;

namespace Ksst.StackHarness;

/// <summary>Puts an access token on every request that carries none (a test may set its own, for instance a bad one).</summary>
public sealed class BearerHandler(Func<CancellationToken, Task<string>> token, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", await token(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
