namespace Ksst.Contracts.Identity;

/// <summary>
/// A machine client of the identity service (client credentials): a KSST service or an
/// organisation's system. Its access tokens carry <see cref="Role"/> and the scope of that role.
/// </summary>
public sealed class ClientCredentials
{
    /// <summary>The OAuth client id, e.g. "scheduling" or "demo-agency-lk"; also the tokens' <c>sub</c>.</summary>
    public string ClientId { get; init; } = "";

    /// <summary>The client secret (stored hashed by the identity service).</summary>
    public string Secret { get; init; } = "";

    /// <summary>One of organiser, agency, ops, service.</summary>
    public string Role { get; init; } = "";

    /// <summary>The programmes an organiser organises ("*" for every one).</summary>
    public List<string> Programmes { get; init; } = [];

    /// <summary>An agency's member country (ISO 3166-1 alpha-2).</summary>
    public string? Country { get; init; }

    /// <summary>A display name, optional.</summary>
    public string? Name { get; init; }
}

/// <summary>A person who signs in on the identity service's sign-in page (authorization code with PKCE).</summary>
public sealed class UserCredentials
{
    /// <summary>What the person types as user name, e.g. "organiser@ksst-demo.example".</summary>
    public string UserName { get; init; } = "";

    /// <summary>The password (stored hashed by the identity service).</summary>
    public string Password { get; init; } = "";

    /// <summary>One of organiser, agency, participant, ops.</summary>
    public string Role { get; init; } = "";

    /// <summary>The programmes an organiser organises ("*" for every one).</summary>
    public List<string> Programmes { get; init; } = [];

    /// <summary>An agency's member country (ISO 3166-1 alpha-2).</summary>
    public string? Country { get; init; }

    /// <summary>A participant's email: their nominations are those with it.</summary>
    public string? Email { get; init; }

    /// <summary>A display name, optional.</summary>
    public string? Name { get; init; }
}
