using Ksst.Contracts.Registration.V1;
using Ksst.Registration.Nominations;
using Ksst.ServiceDefaults.Errors;

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
            PassportNumber = "N1234567",
            PassportExpiry = "2027-01-31",
            Phone = "+94 71 234 5678",
            Gender = "female",
            ArrivalDate = "2026-07-17",
            DepartureDate = "2026-07-31",
        },
    };

    private static readonly Ksst.Registration.Batches.Batch Batch = new()
    {
        Id = "ksst-sme-2026", ProgrammeId = "ksst-sme", Number = 9,
        StartDate = new(2026, 7, 18), EndDate = new(2026, 7, 30), Capacity = 20, CountryQuota = 2,
        EligibleCountries = ["LK", "NP", "ID"],
    };

    private static string[] FieldsAgainstBatch(NominateRequest request) =>
        new Ksst.ServiceDefaults.Errors.FieldViolations().CheckAgainst(request, Batch).All.Select(v => v.Field).ToArray();

    private static int MaxLength(Google.Protobuf.Reflection.MessageDescriptor message, string field) =>
        FieldLimits.MaxLength(message.FindFieldByName(field));

    private static string[] SharedRuleFields(NominateRequest request) =>
        [.. FieldRules.Find(request).All.Select(v => v.Field)];

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
        // The shared rule of every API, declared in the .proto and checked before the handler.
        request.Participant.FullName = new string('a', MaxLength(Participant.Descriptor, "full_name") + 1);
        Assert.Equal(["participant.full_name"], SharedRuleFields(request));
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

    [Fact]
    public void A_complete_request_fits_the_batch() => Assert.Empty(FieldsAgainstBatch(Valid()));

    [Theory]
    [InlineData("2027-01-29", true)]  // six months after 30 July 2026 is 30 January 2027
    [InlineData("2027-01-30", false)]
    [InlineData("2030-12-31", false)]
    public void The_passport_must_stay_valid_six_months_after_the_batch(string expiry, bool refused)
    {
        var request = Valid();
        request.Participant.PassportExpiry = expiry;
        Assert.Equal(refused, FieldsAgainstBatch(request).Contains("participant.passport_expiry"));
    }

    [Theory]
    [InlineData("2026-07-10", "2026-07-31", "participant.arrival_date")]   // eight days early
    [InlineData("2026-07-10", "2026-08-06", "participant.arrival_date")]
    [InlineData("2026-07-11", "2026-08-06", null)]                         // the widest window
    [InlineData("2026-07-17", "2026-08-07", "participant.departure_date")] // eight days late
    [InlineData("2026-07-31", "2026-08-01", "participant.arrival_date")]   // arrives after the end
    public void Travel_falls_within_a_week_of_the_batch(string arrival, string departure, string? field)
    {
        var request = Valid();
        request.Participant.ArrivalDate = arrival;
        request.Participant.DepartureDate = departure;
        var fields = FieldsAgainstBatch(request);
        if (field is null)
        {
            Assert.Empty(fields);
        }
        else
        {
            Assert.Equal([field], fields);
        }
    }

    [Fact]
    public void Departure_before_arrival_is_refused()
    {
        var request = Valid();
        request.Participant.ArrivalDate = "2026-07-20";
        request.Participant.DepartureDate = "2026-07-19";
        Assert.Equal(["participant.departure_date"], Fields(request));
    }

    [Fact]
    public void A_member_that_is_not_eligible_for_the_batch_is_refused()
    {
        var request = Valid();
        request.NominatingCountry = "BT";
        Assert.Equal(["nominating_country"], FieldsAgainstBatch(request));
    }

    [Theory]
    [InlineData("071 234 5678")]
    [InlineData("+94")]
    [InlineData("+94 71 ABC 5678")]
    [InlineData("+1234567890123456")]
    public void A_phone_not_in_international_form_is_refused(string phone)
    {
        var request = Valid();
        request.Participant.Phone = phone;
        Assert.Equal(["participant.phone"], Fields(request));
    }

    [Theory]
    [InlineData("", "participant.passport_number")]
    [InlineData("N12", "participant.passport_number")]
    [InlineData("N123-4567", "participant.passport_number")]
    public void A_passport_number_is_required_and_well_formed(string number, string field)
    {
        var request = Valid();
        request.Participant.PassportNumber = number;
        Assert.Equal([field], Fields(request));
    }

    [Theory]
    [InlineData("", "participant.passport_expiry")]
    [InlineData("31/01/2027", "participant.passport_expiry")]
    public void A_passport_expiry_is_required_as_an_iso_date(string expiry, string field)
    {
        var request = Valid();
        request.Participant.PassportExpiry = expiry;
        Assert.Equal([field], Fields(request));
    }

    [Fact]
    public void An_unknown_gender_and_an_overlong_request_id_are_named()
    {
        var request = Valid();
        request.Participant.Gender = "f";
        request.RequestId = new string('r', MaxLength(NominateRequest.Descriptor, "request_id") + 1);
        Assert.Equal(["participant.gender"], Fields(request));
        Assert.Equal(["request_id"], SharedRuleFields(request));
    }
}
