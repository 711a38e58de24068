using Ksst.Contracts.Identity;
using Ksst.Identity.Callers;

namespace Ksst.UnitTests.Identity;

/// <summary>What a configured client or user may be: a known role, and the scope that role needs and no other.</summary>
public sealed class AccessProfileTests
{
    [Fact]
    public void Configured_values_are_normalised_role_lower_country_upper_email_lower()
    {
        var agency = AccessProfile.Of(new ClientCredentials { ClientId = "a", Role = " Agency ", Country = "lk" });
        var participant = AccessProfile.Of(new UserCredentials { UserName = "p", Role = "PARTICIPANT", Email = "Nimali.Perera@KSST-demo.example" });

        Assert.Equal(("agency", "LK"), (agency.Role, agency.Country));
        Assert.Equal(("participant", "nimali.perera@ksst-demo.example"), (participant.Role, participant.Email));
        Assert.Empty(agency.Problems(person: false));
        Assert.Empty(participant.Problems(person: true));
    }

    [Theory]
    [InlineData("boss", null, null, null, "is not one of")]
    [InlineData("1", null, null, null, "is not one of")]
    [InlineData("organiser", null, null, null, "at least one programme")]
    [InlineData("agency", null, null, null, "ISO 3166-1 alpha-2")]
    [InlineData("agency", null, "LKA", null, "ISO 3166-1 alpha-2")]
    [InlineData("ops", "ksst-sme", null, null, "only an organiser has programmes")]
    [InlineData("ops", null, "LK", null, "only an agency has a country")]
    [InlineData("organiser", "*", null, "someone@example.org", "only a participant has an email")]
    [InlineData("participant", null, null, "not-an-email", "needs their email")]
    [InlineData("service", null, null, null, "a person cannot have the role service")]
    public void A_person_whose_scope_does_not_fit_their_role_is_refused(string role, string? programme, string? country, string? email, string problem)
    {
        var profile = AccessProfile.Of(new UserCredentials
        {
            UserName = "u", Role = role, Programmes = programme is null ? [] : [programme], Country = country, Email = email,
        });

        Assert.Contains(profile.Problems(person: true), p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void A_machine_client_cannot_be_a_participant_but_may_be_a_service()
    {
        Assert.Contains(AccessProfile.Of(new ClientCredentials { ClientId = "c", Role = "participant" }).Problems(person: false), p => p.Contains("signs in"));
        Assert.Empty(AccessProfile.Of(new ClientCredentials { ClientId = "scheduling", Role = "service" }).Problems(person: false));
    }

    [Fact]
    public void A_programme_id_longer_than_the_services_take_is_refused()
    {
        var profile = AccessProfile.Of(new ClientCredentials { ClientId = "c", Role = "organiser", Programmes = [new string('p', 65)] });

        Assert.Contains(profile.Problems(person: false), p => p.Contains("1 to 64 characters"));
    }
}
