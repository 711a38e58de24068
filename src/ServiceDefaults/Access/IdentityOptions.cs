namespace Ksst.ServiceDefaults.Access;

/// <summary>Where the identity service is and who this service is to it (configuration "Identity").</summary>
public sealed class IdentityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Identity";

    /// <summary>The identity service's URL (the tokens' issuer); its discovery document and JWKS are under it.</summary>
    public string Authority { get; set; } = "";

    /// <summary>This service's OAuth client id (its service name), for calls to other services.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>This service's client secret; from configuration (the AppHost generates it for a local stack).</summary>
    public string ClientSecret { get; set; } = "";
}
