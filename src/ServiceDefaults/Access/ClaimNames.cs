namespace Ksst.ServiceDefaults.Access;

/// <summary>The claim types of KSST access tokens, as the identity service issues them.</summary>
public static class ClaimNames
{
    /// <summary>The user's id, or the client's id for client credentials.</summary>
    public const string Subject = "sub";

    /// <summary>The OAuth client the token was issued to.</summary>
    public const string ClientId = "client_id";

    /// <summary>One of organiser, agency, participant, ops, service.</summary>
    public const string Role = "role";

    /// <summary>A programme an organiser organises (repeated); <see cref="EveryProgramme"/> for all.</summary>
    public const string Programme = "programme";

    /// <summary>The agency's member country, ISO 3166-1 alpha-2, upper-case.</summary>
    public const string Country = "country";

    /// <summary>The participant's email, lower-case: their nominations are those with it.</summary>
    public const string Email = "email";

    /// <summary>A display name.</summary>
    public const string Name = "name";

    /// <summary>The <see cref="Programme"/> value of an organiser of every programme.</summary>
    public const string EveryProgramme = "*";
}
