using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ksst.UnitTests.Platform;

public sealed class GrpcApiHostingTests
{
    /// <summary>A host with the gRPC API of a service whose table admits nobody (none of its own RPCs exist).</summary>
    private static WebApplicationBuilder TestHost()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Identity:Authority"] = "http://127.0.0.1:9/";
        builder.AddGrpcApi("test", "test", new Ksst.ServiceDefaults.Access.AccessTable());
        return builder;
    }

    private static List<RouteEndpoint> GrpcEndpoints()
    {
        var builder = TestHost();
        var app = builder.Build();
        app.MapGrpcApi();
        return [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<GrpcMethodMetadata>() is not null)];
    }

    [Fact]
    public void Every_method_is_bound_once_and_reads_its_request_through_the_guard()
    {
        var endpoints = GrpcEndpoints();

        Assert.All(endpoints.GroupBy(e => e.RoutePattern.RawText), routes => Assert.Single(routes));
        var check = Assert.Single(endpoints, e => e.RoutePattern.RawText == "/grpc.health.v1.Health/Check");
        Assert.Single(endpoints, e => e.RoutePattern.RawText == "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo");

        var method = (Method<HealthCheckRequest, HealthCheckResponse>)check.Metadata.GetMetadata<GrpcMethodMetadata>()!.Method;
        var error = Assert.Throws<RpcException>(() => method.RequestMarshaller.ContextualDeserializer(new Truncated()));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("The request is not a valid grpc.health.v1.HealthCheckRequest: ", error.Status.Detail);
    }

    /// <summary>A HealthCheckRequest whose service field claims 10 bytes and holds 2.</summary>
    private sealed class Truncated : DeserializationContext
    {
        private static readonly byte[] Bytes = [0x0A, 10, (byte)'a', (byte)'b'];

        public override int PayloadLength => Bytes.Length;

        public override byte[] PayloadAsNewBuffer() => (byte[])Bytes.Clone();

        public override System.Buffers.ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(Bytes);
    }

    [Fact]
    public void The_unexpected_error_interceptor_runs_outermost_then_the_access_check_and_messages_up_to_the_transport_cap_are_read()
    {
        var builder = TestHost();
        using var app = builder.Build();
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GrpcServiceOptions>>().Value;

        Assert.Equal(
            [typeof(Ksst.ServiceDefaults.Errors.UnexpectedErrorInterceptor), typeof(Ksst.ServiceDefaults.Access.AccessInterceptor), typeof(Ksst.ServiceDefaults.Errors.FieldRulesInterceptor)],
            options.Interceptors.Select(i => i.Type));
        Assert.Equal(Ksst.ServiceDefaults.Errors.RequestSize.TransportMaxBytes, options.MaxReceiveMessageSize);
    }
}
