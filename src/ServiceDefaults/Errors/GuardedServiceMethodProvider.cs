using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ksst.ServiceDefaults.Errors;

/// <summary>Puts <see cref="GuardedServiceMethodProvider{TService}"/> in the place of Grpc.AspNetCore's built-in binder.</summary>
internal static class GuardedServiceMethods
{
    /// <summary>The type name of Grpc.AspNetCore's built-in binder of generated services (internal to it).</summary>
    public const string BuiltInBinder = "BinderServiceMethodProvider`1";

    /// <summary>Replaces the built-in binder's registration, so each method is bound once, guarded.</summary>
    public static void ReplaceBuiltInBinder(IServiceCollection services)
    {
        var builtIn = services.FirstOrDefault(d => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name == BuiltInBinder)
            ?? throw new InvalidOperationException($"Grpc.AspNetCore's {BuiltInBinder} is not registered: this version binds services differently, see {nameof(GuardedServiceMethodProvider<>)}.");
        services[services.IndexOf(builtIn)] = ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(GuardedServiceMethodProvider<>));
    }
}

/// <summary>
/// Binds the methods of a gRPC service as Grpc.AspNetCore's own binder does (the generated
/// BindService, the same routes, handlers and endpoint metadata), with one difference: each
/// method reads its request through <see cref="MalformedRequests.Guard"/>. AddGrpcApi puts it in
/// place of the built-in binder, so every route is added once; JSON transcoding binds through its
/// own provider, and reflection and health are bound by this one like any other service.
/// </summary>
internal sealed class GuardedServiceMethodProvider<TService>(IServiceProvider services) : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        if (services.GetServices<IServiceMethodProvider<TService>>().Any(p => p.GetType().Name == GuardedServiceMethods.BuiltInBinder))
        {
            // Both would bind every method: each route twice, and every call an ambiguous match.
            throw new InvalidOperationException($"Grpc.AspNetCore's built-in binder is registered again (AddGrpc after AddGrpcApi?), so {typeof(TService).Name}'s methods would be bound twice.");
        }
        // Types without a generated base (MapGrpcService of a ServerServiceDefinition) are bound
        // by Grpc.AspNetCore's other provider, as before.
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } attribute)
            {
                var bind = attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), type])
                    ?? throw new InvalidOperationException($"{attribute.BindType} has no {attribute.BindMethodName}(ServiceBinderBase, {type.Name}).");
                bind.Invoke(null, [new Binder(context, type), null]);
                return;
            }
        }
    }

    /// <summary>Adds each method the generated code binds, with its guarded request marshaller.</summary>
    private sealed class Binder(ServiceMethodProviderContext<TService> context, Type serviceBase) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var implementation = Implementation(method.Name, typeof(TRequest), typeof(ServerCallContext));
            context.AddUnaryMethod(MalformedRequests.Guard(method), Metadata(implementation), Invoker<UnaryServerMethod<TService, TRequest, TResponse>>(implementation));
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var implementation = Implementation(method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddServerStreamingMethod(MalformedRequests.Guard(method), Metadata(implementation), Invoker<ServerStreamingServerMethod<TService, TRequest, TResponse>>(implementation));
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var implementation = Implementation(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            context.AddClientStreamingMethod(MalformedRequests.Guard(method), Metadata(implementation), Invoker<ClientStreamingServerMethod<TService, TRequest, TResponse>>(implementation));
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var implementation = Implementation(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddDuplexStreamingMethod(MalformedRequests.Guard(method), Metadata(implementation), Invoker<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(implementation));
        }

        /// <summary>The service's override of the generated virtual method (or the generated one, which answers UNIMPLEMENTED).</summary>
        private MethodInfo Implementation(string name, params Type[] parameters) =>
            typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters) is { IsVirtual: true } method
            && method.GetBaseDefinition().DeclaringType == serviceBase
                ? method
                : throw new InvalidOperationException($"Could not find '{name}' on {typeof(TService)}.");

        private static TDelegate Invoker<TDelegate>(MethodInfo implementation) where TDelegate : Delegate =>
            (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), implementation);

        /// <summary>As Grpc.AspNetCore: the service's attributes, then the method's, then POST (with CORS preflight).</summary>
        private static List<object> Metadata(MethodInfo implementation) =>
        [
            .. typeof(TService).GetCustomAttributes(inherit: true),
            .. implementation.GetCustomAttributes(inherit: true),
            new HttpMethodMetadata(["POST"], acceptCorsPreflight: true),
        ];
    }
}
