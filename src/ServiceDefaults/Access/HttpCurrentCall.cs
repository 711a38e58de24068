using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http;

namespace Ksst.ServiceDefaults.Access;

/// <summary>The current call as ASP.NET Core sees it: the authenticated user and the gRPC endpoint (also when transcoded from JSON).</summary>
internal sealed class HttpCurrentCall(IHttpContextAccessor http) : ICurrentCall
{
    public Caller? Caller => http.HttpContext is { } context ? Access.Caller.From(context.User) : null;

    public string? Method => http.HttpContext?.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName;
}
