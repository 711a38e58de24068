using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Aspire.Hosting.ApplicationModel;
using Ksst.Contracts.Identity;

namespace Ksst.AppHost.Identity;

/// <summary>
/// How the AppHost reads a service's full health report (its checks, not only its status, which
/// is all an anonymous caller gets): as the demo ops client, with a token from the identity
/// service kept until a minute before it expires. Without a token (the identity service still
/// starting or away) the probe asks anonymously and sees the status alone.
/// </summary>
internal sealed class HealthReportAccess(EndpointReference identity, ClientCredentials ops) : IResourceAnnotation
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };
    private (string Token, DateTimeOffset RenewAt)? _current;

    /// <summary>A bearer token of the ops client, or null when none can be had now.</summary>
    public async Task<string?> TokenAsync(CancellationToken ct)
    {
        if (_current is { } current && DateTimeOffset.UtcNow < current.RenewAt)
        {
            return current.Token;
        }
        try
        {
            var url = await identity.Property(EndpointProperty.Url).GetValueAsync(ct).ConfigureAwait(false);
            using var response = await Http.PostAsync(new Uri(new Uri(url!), "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = ops.ClientId,
                ["client_secret"] = ops.Secret,
            }), ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || await response.Content.ReadFromJsonAsync<TokenResponse>(ct).ConfigureAwait(false) is not { } token)
            {
                return null;
            }
            _current = (token.AccessToken, DateTimeOffset.UtcNow.AddSeconds(token.ExpiresIn - 60));
            return token.AccessToken;
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
