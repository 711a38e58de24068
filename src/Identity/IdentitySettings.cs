using Ksst.Contracts.Identity;

namespace Ksst.Identity;

/// <summary>The identity service's configuration (section <c>Identity</c>).</summary>
internal sealed class IdentitySettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Identity";

    /// <summary>The tokens' <c>iss</c> and the base of every endpoint URL in the discovery document.</summary>
    public string Issuer { get; init; } = "";

    /// <summary>A demo credentials file (<see cref="Contracts.Identity.DemoCredentials"/>) whose clients and users are registered, if any.</summary>
    public string? DemoCredentials { get; init; }

    /// <summary>Where the signing, encryption and data-protection keys are kept (default: data/identity-keys under the content root).</summary>
    public string KeyDirectory { get; set; } = "";

    /// <summary>Machine clients from configuration; they win over the demo file's of the same id.</summary>
    public List<ClientCredentials> Clients { get; init; } = [];

    /// <summary>Users from configuration; they win over the demo file's of the same user name.</summary>
    public List<UserCredentials> Users { get; init; } = [];

    /// <summary>Reads the section; <see cref="KeyDirectory"/> defaults to data/identity-keys under <paramref name="contentRoot"/>.</summary>
    public static IdentitySettings From(IConfiguration configuration, string contentRoot)
    {
        var settings = configuration.GetSection(Section).Get<IdentitySettings>() ?? new IdentitySettings();
        if (string.IsNullOrWhiteSpace(settings.KeyDirectory))
        {
            settings.KeyDirectory = Path.Combine(contentRoot, "data", "identity-keys");
        }
        return settings;
    }

    /// <summary>
    /// The issuer as a URI. Plain HTTP is accepted on loopback only (a development stack without
    /// TLS); anywhere else the issuer must be HTTPS.
    /// </summary>
    public Uri IssuerUri()
    {
        if (!Uri.TryCreate(Issuer, UriKind.Absolute, out var issuer) || issuer.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Identity:Issuer must be an absolute http(s) URL; it is '{Issuer}'.");
        }
        if (issuer.Scheme == "http" && !issuer.IsLoopback)
        {
            throw new InvalidOperationException($"Identity:Issuer '{Issuer}' is plain HTTP off loopback: tokens and passwords would cross the network in clear. Use https.");
        }
        return issuer;
    }
}
