using Ksst.Contracts.Registration.V1;
using Ksst.Registration.Nominations;

namespace Ksst.UnitTests.Registration;

public sealed class NominationRulesTests
{
    private static NominateRequest Valid() => new()
    {
        BatchId = "ksst-sme-2018",
        NominatingCountry = "LK",
        Participant = new Participant
        {
            FullName = "Nimali Perera",
            Email = "nimali.perera@industry.gov.lk",
            Nationality = "LK",
            Organisation = "Ministry of Industry and Commerce",
            Position = "Deputy Director",
            PreferredLanguage = "en",
        },
    };

    private static string[] Fields(NominateRequest request) =>
        NominationRules.Check(request).All.Select(v => v.Field).ToArray();

    [Fact]
    public void A_complete_request_breaks_no_rule() => Assert.Empty(Fields(Valid()));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_name_is_named(string name)
    {
        var request = Valid();
        request.Participant.FullName = name;
        Assert.Equal(["participant.full_name"], Fields(request));
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused()
    {
        var request = Valid();
        request.Participant.FullName = new string('a', NominationRules.MaxNameLength + 1);
        Assert.Equal(["participant.full_name"], Fields(request));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("someone@localhost")]
    [InlineData("Someone <someone@agency.gov.np>")]
    [InlineData("a@b.")]
    [InlineData("two@@signs.org")]
    public void A_malformed_email_is_named(string email)
    {
        var request = Valid();
        request.Participant.Email = email;
        Assert.Equal(["participant.email"], Fields(request));
    }

    [Theory]
    [InlineData("FR")]  // not a member
    [InlineData("id")]  // lower case
    [InlineData("IDN")] // alpha-3
    public void A_country_that_is_not_a_member_is_named(string code)
    {
        var request = Valid();
        request.NominatingCountry = code;
        request.Participant.Nationality = code;
        Assert.Equal(["nominating_country", "participant.nationality"], Fields(request));
    }

    [Fact]
    public void Every_broken_field_is_reported_at_once()
    {
        var request = Valid();
        request.BatchId = "";
        request.Participant.FullName = "";
        request.Participant.Email = "x";
        request.Participant.PreferredLanguage = "fr";
        Assert.Equal(["batch_id", "participant.full_name", "participant.email", "participant.preferred_language"], Fields(request));
    }

    [Fact]
    public void A_missing_participant_is_named()
    {
        var request = Valid();
        request.Participant = null;
        Assert.Equal(["participant"], Fields(request));
    }

    [Theory]
    [InlineData("")]
    [InlineData("en")]
    [InlineData("id")]
    public void English_and_Indonesian_are_the_languages(string language)
    {
        var request = Valid();
        request.Participant.PreferredLanguage = language;
        Assert.Empty(Fields(request));
    }
}
