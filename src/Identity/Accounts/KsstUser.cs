using Ksst.Identity.Callers;
using Microsoft.AspNetCore.Identity;

namespace Ksst.Identity.Accounts;

/// <summary>A person who signs in, with what their access tokens say about them.</summary>
public sealed class KsstUser : IdentityUser
{
    /// <summary>organiser, agency, participant or ops.</summary>
    public string Role { get; set; } = "";

    /// <summary>The programmes an organiser organises ("*" for every one).</summary>
    public List<string> Programmes { get; set; } = [];

    /// <summary>An agency's member country (ISO 3166-1 alpha-2, upper-case).</summary>
    public string? Country { get; set; }

    /// <summary>A display name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The user's access profile (the participant's email is <see cref="IdentityUser.Email"/>).</summary>
    internal AccessProfile Profile => new(Role, Programmes, Country, Email, DisplayName);

    /// <summary>Takes <paramref name="profile"/> as the user's.</summary>
    internal void Take(AccessProfile profile)
    {
        Role = profile.Role;
        Programmes = [.. profile.Programmes];
        Country = profile.Country;
        Email = profile.Email;
        DisplayName = profile.Name;
    }
}
