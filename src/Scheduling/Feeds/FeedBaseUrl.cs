using Ksst.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace Ksst.Scheduling.Feeds;

/// <summary>
/// Where a new feed's URL points. Created over JSON (HTTP/1.1), at the address the request came
/// to, which calendar apps can read too. Created over gRPC, whose endpoint speaks only HTTP/2, at
/// <c>Scheduling:Feeds:BaseUrl</c>: the service's HTTP/1.1 address as calendar apps reach it (the
/// AppHost sets it to the "http" endpoint; a deployment to its public address).
/// </summary>
internal sealed class FeedBaseUrl(IConfiguration configuration)
{
    /// <summary>The setting naming the HTTP/1.1 address for feeds created over gRPC.</summary>
    public const string Setting = "Scheduling:Feeds:BaseUrl";

    /// <summary>The base of the URL of a feed created by <paramref name="request"/>; FAILED_PRECONDITION over gRPC when the setting is missing.</summary>
    public Uri For(HttpRequest request)
    {
        if (HttpProtocol.IsHttp11(request.Protocol) || HttpProtocol.IsHttp10(request.Protocol))
        {
            return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        }
        return Uri.TryCreate(configuration[Setting], UriKind.Absolute, out var configured)
            ? configured
            : throw RpcErrors.FailedPrecondition("NO_FEED_ADDRESS", "services/scheduling",
                $"This service does not know its HTTP/1.1 address for feed URLs ({Setting}); create the feed over JSON instead.");
    }
}
