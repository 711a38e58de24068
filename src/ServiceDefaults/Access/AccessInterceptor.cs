using Grpc.Core;
using Grpc.Core.Interceptors;
using Ksst.ServiceDefaults.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// Checks every call against the service's <see cref="AccessTable"/> before anything else reads
/// it: no valid token is UNAUTHENTICATED with a short reason (UNAVAILABLE when an API token could not be checked), a caller whose role the RPC does not
/// admit is PERMISSION_DENIED, and an RPC without a rule is refused too (logged as a defect).
/// JSON transcoding runs the same pipeline (401 and 403 with the google.rpc.Status body).
/// </summary>
internal sealed partial class AccessInterceptor(AccessTable table, IHostEnvironment environment, ILogger<AccessInterceptor> logger) : Interceptor
{
    /// <summary>The google.rpc.ErrorInfo reason when the RPC does not admit the caller's role.</summary>
    public const string RoleNotAdmitted = "ROLE_NOT_ADMITTED";

    /// <summary>The google.rpc.ErrorInfo reason when the RPC has no rule at all.</summary>
    public const string NoRule = "NO_ACCESS_RULE";

    private const string Health = "/grpc.health.v1.Health/";
    private const string Reflection = "/grpc.reflection.";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Check(ServerCallContext context)
    {
        var method = context.Method;
        var access = method.StartsWith(Health, StringComparison.Ordinal) ? RpcAccess.Public
            : method.StartsWith(Reflection, StringComparison.Ordinal) ? (environment.IsDevelopment() ? RpcAccess.Public : AnyRole)
            : table.Find(method);
        if (access is null)
        {
            LogNoRule(logger, method);
            throw RpcErrors.PermissionDenied(NoRule, "This RPC has no access rule.");
        }
        if (access.IsPublic)
        {
            return;
        }
        var http = context.GetHttpContext();
        var caller = Caller.From(http.User);
        if (caller is null)
        {
            throw new RpcException(new Status(
                TokenFailures.IsUnavailable(http) ? StatusCode.Unavailable : StatusCode.Unauthenticated, TokenFailures.Explain(http)));
        }
        if (!access.Allows(caller))
        {
            throw RpcErrors.PermissionDenied(RoleNotAdmitted, $"A caller of role {caller.Role.ToString().ToLowerInvariant()} may not call this RPC.");
        }
    }

    private static readonly RpcAccess AnyRole = RpcAccess.For(Role.Organiser, Role.Agency, Role.Participant, Role.Ops)
        .AndServices("registration", "scheduling", "notifications");

    [LoggerMessage(Level = LogLevel.Error, Message = "The RPC {Method} has no access rule; refused.")]
    private static partial void LogNoRule(ILogger logger, string method);
}
