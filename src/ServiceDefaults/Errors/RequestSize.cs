using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ksst.ServiceDefaults.Errors;

/// <summary>
/// The size rule of every API (ksst/api/v1/text.proto): a request is at most
/// <see cref="MaxBytes"/> (1 MiB). A larger gRPC message is INVALID_ARGUMENT (checked in each
/// method's request marshaller, <see cref="MalformedRequests"/>, which knows the payload's
/// length), a larger JSON body HTTP 400 with the same google.rpc.Status. Messages above
/// <see cref="TransportMaxBytes"/> are cut off by gRPC itself (RESOURCE_EXHAUSTED) without being
/// read, so no caller can make a service buffer more than that.
/// </summary>
public static class RequestSize
{
    /// <summary>The most bytes a request takes: 1 MiB.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Above this gRPC stops reading a message at all (its MaxReceiveMessageSize).</summary>
    public const int TransportMaxBytes = 16 * MaxBytes;

    /// <summary>The google.rpc.ErrorInfo reason of a request that is too large.</summary>
    public const string TooLargeReason = "REQUEST_TOO_LARGE";

    /// <summary>INVALID_ARGUMENT for a request of <paramref name="bytes"/> bytes, or null when it fits.</summary>
    public static RpcException? Check(long bytes) => bytes <= MaxBytes ? null : TooLarge($"The request is {bytes} bytes; at most {MaxBytes} are taken.");

    /// <summary>
    /// Answers HTTP 400 (INVALID_ARGUMENT as JSON transcoding writes it) to a JSON request whose
    /// body is larger than <see cref="MaxBytes"/>, before transcoding reads it. gRPC requests are
    /// left to their marshaller.
    /// </summary>
    public static IApplicationBuilder UseJsonRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true
            && await TooLargeAsync(request, context.RequestAborted) is { } tooLarge)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Formatter.Format(tooLarge.GetRpcStatus()!), context.RequestAborted);
            return;
        }
        await next(context);
    });

    private static async Task<RpcException?> TooLargeAsync(Microsoft.AspNetCore.Http.HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is { } length)
        {
            return Check(length);
        }
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true)
        {
            return null;
        }
        // A body without a Content-Length (chunked, or HTTP/2 without one) tells its length only by
        // being read: read at most one byte past the limit.
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return TooLarge($"The request is more than {MaxBytes} bytes; at most {MaxBytes} are taken.");
            }
        }
        buffer.Position = 0;
        request.Body = buffer;
        request.ContentLength = buffer.Length;
        return null;
    }

    private static RpcException TooLarge(string message) =>
        RpcErrors.Build(Code.InvalidArgument, message, new ErrorInfo
        {
            Reason = TooLargeReason, Domain = RpcErrors.ErrorDomain,
            Metadata = { ["max_bytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(
        Google.Protobuf.Reflection.TypeRegistry.FromMessages(ErrorInfo.Descriptor)));
}
