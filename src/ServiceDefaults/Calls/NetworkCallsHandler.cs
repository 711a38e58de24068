namespace Ksst.ServiceDefaults.Calls;

/// <summary>Refuses an outgoing HTTP (and so gRPC) request made where <see cref="NetworkCalls"/> forbids one.</summary>
internal sealed class NetworkCallsHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        NetworkCalls.EnsureAllowed(request.RequestUri?.GetLeftPart(UriPartial.Authority) ?? "an HTTP endpoint");
        return base.SendAsync(request, cancellationToken);
    }
}
