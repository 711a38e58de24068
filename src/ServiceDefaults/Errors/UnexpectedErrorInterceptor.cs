using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Ksst.ServiceDefaults.Errors;

/// <summary>
/// The outermost interceptor of every service (AddGrpcApi), over gRPC and JSON transcoding:
/// an exception a handler did not turn into a status becomes the answer
/// <see cref="UnexpectedErrors"/> gives (INTERNAL with no detail, or UNAVAILABLE while SQLite is
/// busy or full), logged once with the method's name. An RpcException passes as it is, and so
/// does cancellation when the caller cancelled or its deadline passed.
/// </summary>
internal sealed partial class UnexpectedErrorInterceptor(ILogger<UnexpectedErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (IsUnexpected(e, context))
        {
            throw Answer(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (IsUnexpected(e, context))
        {
            throw Answer(e, context);
        }
    }

    private static bool IsUnexpected(Exception e, ServerCallContext context) =>
        e is not RpcException && !(e is OperationCanceledException && context.CancellationToken.IsCancellationRequested);

    private RpcException Answer(Exception e, ServerCallContext context)
    {
        var (answer, unexpected) = UnexpectedErrors.Answer(e);
        if (unexpected)
        {
            LogUnexpected(e, context.Method);
        }
        else
        {
            LogUnavailable(e, context.Method, answer.Status.Detail);
        }
        return answer;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "{Method} failed with an unexpected exception; the caller was answered INTERNAL.")]
    private partial void LogUnexpected(Exception exception, string method);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Method} answered UNAVAILABLE: {Answer}")]
    private partial void LogUnavailable(Exception exception, string method, string answer);
}
