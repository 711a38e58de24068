using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Ksst.ServiceDefaults.Errors;

/// <summary>
/// Refuses a request that breaks a field rule every API shares (<see cref="FieldRules"/>: text,
/// length, items, timestamps, enum values) with INVALID_ARGUMENT before its handler runs, so
/// nothing of it is stored. Registered for every service by AddGrpcApi; JSON transcoding runs
/// the same pipeline, so JSON calls are checked too.
/// </summary>
internal sealed class FieldRulesInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, responseStream, context);
    }

    private static void Check(object request)
    {
        if (request is IMessage message)
        {
            FieldRules.Find(message).ThrowIfAny();
        }
    }
}
