using Google.Protobuf.Reflection;
using Google.Rpc;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Hosts a service's gRPC API three ways: gRPC on HTTP/2 (with reflection and the gRPC health
/// service), JSON over HTTP/1.1 through transcoding, and an OpenAPI document of those JSON routes.
/// Before any handler runs, a request that cannot be read is INVALID_ARGUMENT
/// (<see cref="MalformedRequests"/>), and so are one larger than 1 MiB (<see cref="RequestSize"/>)
/// and one that breaks a field rule every API shares (<see cref="FieldRules"/>), over gRPC and
/// JSON alike; an exception no handler expected is INTERNAL without detail, or UNAVAILABLE while
/// the database is busy (<see cref="UnexpectedErrors"/>). Every call is checked against the
/// service's <see cref="AccessTable"/> first (bearer tokens of the identity service, verified
/// offline); reflection and the OpenAPI document and UI are open in Development only and need a
/// valid token otherwise; the health endpoints stay open.
/// </summary>
public static class GrpcApiExtensions
{
    /// <summary>Where the OpenAPI document of the JSON routes is served.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>
    /// Registers gRPC, transcoding (with rich error details), reflection, health and OpenAPI for
    /// the service <paramref name="serviceName"/> (the audience its callers' tokens must name),
    /// whose RPCs <paramref name="access"/> admits callers to.
    /// </summary>
    public static TBuilder AddGrpcApi<TBuilder>(this TBuilder builder, string title, string serviceName, AccessTable access) where TBuilder : IHostApplicationBuilder
    {
        ServiceAuthentication.Add(builder, serviceName, access);
        builder.Services.AddGrpc(o =>
            {
                // First added runs outermost: it sees every exception the others and the handler throw.
                o.Interceptors.Add<UnexpectedErrorInterceptor>();
                // Who calls is checked before anything of the request is looked at.
                o.Interceptors.Add<AccessInterceptor>();
                o.Interceptors.Add<FieldRulesInterceptor>();
                // Larger messages (up to this cap) are read and refused as INVALID_ARGUMENT by RequestSize.
                o.MaxReceiveMessageSize = RequestSize.TransportMaxBytes;
            })
            .AddJsonTranscoding(o =>
                // Without these, transcoding turns rich error details into an empty HTTP 500.
                o.TypeRegistry = TypeRegistry.FromMessages(
                    BadRequest.Descriptor, PreconditionFailure.Descriptor, ResourceInfo.Descriptor, ErrorInfo.Descriptor, RetryInfo.Descriptor));
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcSwagger();
        builder.Services.AddSwaggerGen(o => o.SwaggerDoc("v1", new OpenApiInfo { Title = title, Version = "v1" }));
        // Last: each AddGrpc above (reflection and health call it too) adds the built-in binder again.
        GuardedServiceMethods.ReplaceBuiltInBinder(builder.Services);
        return builder;
    }

    /// <summary>Maps reflection, the gRPC health service and the OpenAPI document and UI; limits JSON bodies to 1 MiB.</summary>
    public static WebApplication MapGrpcApi(this WebApplication app)
    {
        app.UseJsonRequestSizeLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOpenApiAccess();
        app.UseSwagger(o => o.RouteTemplate = "openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint(OpenApiPath, "v1");
            o.RoutePrefix = "openapi";
        });
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }
}
