using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// This service's own access token for calls to other services: obtained with client
/// credentials from the identity service's token endpoint (found in its discovery document),
/// kept until two minutes before it expires, and fetched by one caller at a time.
/// </summary>
internal sealed class ServiceTokens(IHttpClientFactory http, IOptions<IdentityOptions> identity, TimeProvider time)
{
    /// <summary>The HttpClient that talks to the identity service.</summary>
    public const string ClientName = "ksst-identity";

    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;
    private ConfigurationManager<OpenIdConnectConfiguration>? _discovery;

    /// <summary>Registers the tokens and the handler that puts them on calls (once, however many clients ask).</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section);
        services.AddHttpClient(ClientName);
        services.TryAddSingleton<ServiceTokens>();
        services.TryAddTransient<ServiceTokenHandler>();
    }

    /// <summary>A valid access token of this service.</summary>
    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_current is { } current && time.GetUtcNow() < current.RenewAt)
        {
            return current.Token;
        }
        await _fetching.WaitAsync(ct);
        try
        {
            if (_current is { } fetched && time.GetUtcNow() < fetched.RenewAt)
            {
                return fetched.Token;
            }
            var token = await FetchAsync(ct);
            _current = (token.AccessToken, time.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn) - RenewBefore);
            return token.AccessToken;
        }
        finally
        {
            _fetching.Release();
        }
    }

    private async Task<TokenResponse> FetchAsync(CancellationToken ct)
    {
        var options = identity.Value;
        _discovery ??= new ConfigurationManager<OpenIdConnectConfiguration>(
            new Uri(new Uri(options.Authority), ".well-known/openid-configuration").ToString(),
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http.CreateClient(ClientName)) { RequireHttps = false });
        var discovery = await _discovery.GetConfigurationAsync(ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, discovery.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.ClientId,
                ["client_secret"] = options.ClientSecret,
            }),
        };
        using var response = await http.CreateClient(ClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The identity service refused {options.ClientId}'s client credentials ({(int)response.StatusCode}).", null, response.StatusCode);
        }
        return await response.Content.ReadFromJsonAsync<TokenResponse>(ct)
            ?? throw new HttpRequestException("The identity service answered no token.");
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
