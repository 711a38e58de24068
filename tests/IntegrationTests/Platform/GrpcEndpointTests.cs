using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Ksst.IntegrationTests.Platform;

/// <summary>What grpcurl and health probes rely on, on every service's HTTP/2 endpoint.</summary>
[Collection(StackCollection.Name)]
public sealed class GrpcEndpointTests(StackFixture stack)
{
    public static TheoryData<string, string> Services => new()
    {
        { "registration", "ksst.registration.v1.Nominations" },
        { "scheduling", "ksst.scheduling.v1.Scheduling" },
        { "notifications", "ksst.notifications.v1.Notifications" },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Server_reflection_lists_the_versioned_service(string resource, string service)
    {
        var client = new ServerReflection.ServerReflectionClient(stack.Channel(resource));
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var call = client.ServerReflectionInfo(cancellationToken: cts.Token);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, cts.Token);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(cts.Token));

        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains(service, names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    public static TheoryData<string> Resources => ["registration", "scheduling", "notifications"];

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task The_grpc_health_service_reports_serving(string resource)
    {
        var client = new Health.HealthClient(stack.Channel(resource));
        var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + StackFixture.Timeout);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }
}
