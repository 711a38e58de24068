using Ksst.ServiceDefaults.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Ksst.Platform.Audit;

/// <summary>The audit log of a service: every change of its database, recorded with the change, and read by organisers.</summary>
public static class AuditLogExtensions
{
    /// <summary>
    /// Records every change saved through <typeparamref name="TContext"/> (added with
    /// <see cref="ServiceDatabaseExtensions.AddServiceDatabase{TContext}"/>, its model mapped with
    /// <see cref="AuditModel.AddAuditLog"/>) in its audit log, in the same transaction. The actor
    /// is the current call's caller (<see cref="ICurrentCall"/>, from the service defaults) or,
    /// outside a call, the service <paramref name="serviceName"/> itself.
    /// </summary>
    public static IHostApplicationBuilder AddAuditLog<TContext>(this IHostApplicationBuilder builder, string serviceName)
        where TContext : DbContext
    {
        builder.Services.TryAddSingleton(services => new AuditActors(serviceName, services.GetService<IHttpContextAccessor>()));
        builder.Services.AddSingleton<IInterceptor>(services => new AuditInterceptor<TContext>(
            services.GetRequiredService<AuditActors>(), services.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddScoped<AuditQueries<TContext>>();
        return builder;
    }

    /// <summary>
    /// Maps the audit log's query API (gRPC <c>ksst.audit.v1.AuditLog</c> and its JSON route
    /// <c>GET /api/v1/audit/entries</c>); the result takes the service's access policy.
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder MapAuditLog<TContext>(this IEndpointRouteBuilder app) where TContext : DbContext =>
        app.MapGrpcService<AuditLogApi<TContext>>();
}
