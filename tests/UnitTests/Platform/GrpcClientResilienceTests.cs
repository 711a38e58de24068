using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.UnitTests.Platform;

/// <summary>HttpClients get the standard resilience handler; gRPC clients retry only through gRPC.</summary>
public sealed class GrpcClientResilienceTests
{
    private static IEnumerable<Type> HandlerChain(IServiceProvider services, string name)
    {
        var handler = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name);
        for (var current = handler as DelegatingHandler; current is not null; current = current.InnerHandler as DelegatingHandler)
        {
            yield return current.GetType();
        }
    }

    private static ServiceProvider Build()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddServiceDefaults();
        builder.Services.AddHttpClient("plain");
        builder.Services.AddServiceGrpcClient<NominationsClient>("registration");
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void Plain_http_clients_are_resilient()
    {
        using var services = Build();
        Assert.Contains(typeof(ResilienceHandler), HandlerChain(services, "plain"));
    }

    [Fact]
    public void Grpc_clients_do_not_retry_twice()
    {
        using var services = Build();
        Assert.DoesNotContain(typeof(ResilienceHandler), HandlerChain(services, nameof(NominationsClient)));
    }
}
