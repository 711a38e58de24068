using System.Collections.Immutable;
using System.Text.Json;
using Ksst.Identity.Callers;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ksst.Identity.Clients;

/// <summary>
/// A confidential client using client credentials (a KSST service, a demo organiser, an agency's
/// system). Its access profile is stored with its registration, in the application's properties.
/// </summary>
internal static class MachineClient
{
    /// <summary>The application property that holds the access profile.</summary>
    public const string ProfileProperty = "ksst_access";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The registration of <paramref name="client"/>, without its secret.</summary>
    public static OpenIddictApplicationDescriptor Descriptor(DirectoryClient client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.Credentials.ClientId,
            ClientType = ClientTypes.Confidential,
            ApplicationType = ApplicationTypes.Web,
            DisplayName = client.Profile.Name ?? client.Credentials.ClientId,
        };
        descriptor.Permissions.UnionWith(
            [Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, .. ApiScopes.ScopePermissions]);
        descriptor.Properties[ProfileProperty] = JsonSerializer.SerializeToElement(client.Profile, Json);
        return descriptor;
    }

    /// <summary>The access profile stored in <paramref name="properties"/>, or null when there is none.</summary>
    public static AccessProfile? ProfileOf(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(ProfileProperty, out var value) ? value.Deserialize<AccessProfile>(Json) : null;
}
