using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using Ksst.Contracts.Identity.V1;
using Ksst.ServiceDefaults.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ksst.UnitTests.Access;

/// <summary>
/// Reflection and the OpenAPI document are open in Development and behind authentication in any
/// other environment; the health endpoint is open everywhere and tells an anonymous caller the
/// status alone. A real host on loopback, with every service's gRPC API hosting; its only
/// credential is one API token, checked by a stand-in for the identity service.
/// </summary>
public sealed class DevelopmentSurfacesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const string Secret = "ksst_pat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    /// <summary>The identity service's answer for the one token the test holds: ops.</summary>
    private sealed class OneOpsToken : IApiTokenChecker
    {
        public Task<CheckApiTokenResponse> CheckAsync(string secret, CancellationToken ct) => Task.FromResult(secret == Secret
            ? new CheckApiTokenResponse { Verdict = ApiTokenVerdict.Active, Token = new ApiToken { TokenId = "t1", Name = "ops", Role = ApiTokenRole.Ops } }
            : new CheckApiTokenResponse { Verdict = ApiTokenVerdict.Unknown });
    }

    private static async Task<(WebApplication App, Uri Http, Uri Grpc)> StartAsync(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Logging.ClearProviders();
        builder.Configuration["Identity:Authority"] = "http://127.0.0.1:9/";
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1);
            k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddSingleton<IApiTokenChecker, OneOpsToken>();
        builder.AddGrpcApi("test", "test", new AccessTable());
        var app = builder.Build();
        app.MapGrpcApi();
        app.MapDefaultEndpoints();
        await app.StartAsync().WaitAsync(Timeout);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        return (app, addresses[0], addresses[1]);
    }

    private static async Task<StatusCode> ReflectAsync(Uri grpc, string? bearer)
    {
        using var channel = GrpcChannel.ForAddress(grpc);
        var headers = bearer is null ? new Metadata() : new Metadata { { "authorization", $"Bearer {bearer}" } };
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(headers, DateTime.UtcNow + Timeout);
        try
        {
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
            await call.RequestStream.CompleteAsync();
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "grpc.health.v1.Health");
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static async Task<HttpStatusCode> OpenApiAsync(Uri http, string? bearer)
    {
        using var client = new HttpClient { BaseAddress = http, Timeout = Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Outside_development_reflection_and_openapi_need_a_valid_credential()
    {
        var (app, http, grpc) = await StartAsync(Environments.Production);
        await using var _ = app;
        Assert.Equal(StatusCode.Unauthenticated, await ReflectAsync(grpc, null));
        Assert.Equal(StatusCode.Unauthenticated, await ReflectAsync(grpc, "ksst_pat_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"));
        Assert.Equal(StatusCode.OK, await ReflectAsync(grpc, Secret));
        Assert.Equal(HttpStatusCode.Unauthorized, await OpenApiAsync(http, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await OpenApiAsync(http, "garbage"));
        Assert.Equal(HttpStatusCode.OK, await OpenApiAsync(http, Secret));
    }

    [Fact]
    public async Task In_development_reflection_and_openapi_are_open()
    {
        var (app, http, grpc) = await StartAsync(Environments.Development);
        await using var _ = app;
        Assert.Equal(StatusCode.OK, await ReflectAsync(grpc, null));
        Assert.Equal(HttpStatusCode.OK, await OpenApiAsync(http, null));
    }

    [Fact]
    public async Task Health_is_open_everywhere_and_shows_an_anonymous_caller_the_status_alone()
    {
        var (app, http, _) = await StartAsync(Environments.Production);
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = http, Timeout = Timeout };
        using var anonymous = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal("""{"status":"Healthy"}""", await anonymous.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Secret) } };
        using var ops = await client.SendAsync(request);
        Assert.Contains("\"checks\":", await ops.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
