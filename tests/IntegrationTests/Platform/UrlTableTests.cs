using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Ksst.AppHost.Urls;
using Microsoft.Extensions.DependencyInjection;

namespace Ksst.IntegrationTests.Platform;

/// <summary>
/// The table of URLs the AppHost prints once the stack is healthy, read back from the data folder
/// where it is written for scripts.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class UrlTableTests(StackFixture stack)
{
    [Fact]
    public async Task The_url_table_names_every_resource_with_addresses_that_answer()
    {
        var table = await ReadTableAsync();
        var model = stack.App.Services.GetRequiredService<DistributedApplicationModel>();
        var shown = model.Resources.OfType<IResourceWithEndpoints>()
            .Where(r => stack.App.ResourceNotifications.TryGetCurrentState(r.Name, out var state) && !state.Snapshot.IsHidden)
            .ToList();
        Assert.Contains(shown, r => r.Name == "messaging-epmd");
        foreach (var resource in shown)
        {
            Assert.Contains(table.Urls, url => url.Resource == resource.Name);
        }
        foreach (var url in table.Urls)
        {
            await AssertAnswersAsync(url);
        }
        Assert.Equal(table.ToText(), await File.ReadAllTextAsync(Path.Combine(stack.DataRoot, StackUrlTable.TextFile)));
    }

    [Theory]
    [InlineData("registration")]
    [InlineData("scheduling")]
    [InlineData("notifications")]
    public async Task Each_service_lists_its_json_api_openapi_ui_and_grpc_address_and_only_the_json_endpoint_serves_openapi(string service)
    {
        var urls = (await ReadTableAsync()).Urls.Where(u => u.Resource == service).ToList();
        var json = Assert.Single(urls, u => u.What == "JSON API");
        var openApi = Assert.Single(urls, u => u.What == "OpenAPI UI");
        var grpc = Assert.Single(urls, u => u.What == "gRPC (HTTP/2 only)");
        Assert.Equal(stack.App.GetEndpoint(service, "http").GetLeftPart(UriPartial.Authority), new Uri(json.Address).GetLeftPart(UriPartial.Authority));
        Assert.Equal(json.Address.TrimEnd('/') + "/openapi", openApi.Address);
        Assert.Equal(stack.App.GetEndpoint(service, "grpc").GetLeftPart(UriPartial.Authority), new Uri(grpc.Address).GetLeftPart(UriPartial.Authority));

        using var http = new HttpClient { Timeout = StackFixture.Timeout };
        using var ui = await http.GetAsync(openApi.Address);
        Assert.True(ui.IsSuccessStatusCode, $"GET {openApi.Address} answered {(int)ui.StatusCode}");
        Assert.Equal(2, urls.Count(u => u.Address.StartsWith(json.Address.TrimEnd('/'), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_broker_and_redis_lines_say_where_their_credentials_are()
    {
        var urls = (await ReadTableAsync()).Urls;
        Assert.Contains("guest", Assert.Single(urls, u => u.Resource == "messaging" && u.What == "AMQP").Note);
        Assert.Contains("password", Assert.Single(urls, u => u.Resource == "cache" && u.What == "Redis").Note);
        Assert.Single(urls, u => u.Resource == "mail" && u.What == "mail UI and REST API");
        Assert.Single(urls, u => u.Resource == "mail" && u.What == "SMTP");
    }

    private async Task<StackUrlTable> ReadTableAsync()
    {
        var path = Path.Combine(stack.DataRoot, StackUrlTable.JsonFile);
        var json = await Eventually.Get(
            async ct => File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : null, StackFixture.Timeout, $"the URL table {path}");
        return StackUrlTable.FromJson(json);
    }

    /// <summary>Something listens at the address: it accepts a TCP connection.</summary>
    private static async Task AssertAnswersAsync(StackUrl url)
    {
        var address = new Uri(url.Address);
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, cts.Token);
        Assert.True(client.Connected, $"{url.Resource} {url.What} at {url.Address} refused the connection");
    }
}
