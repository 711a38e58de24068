using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Ksst.Contracts.Api.V1;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using Ksst.ServiceDefaults.Errors;

namespace Ksst.UnitTests.Platform;

public sealed class ControlCharactersTests
{
    private static NominateRequest Nomination(string name = "Sujata Shrestha", string dietaryNeeds = "") => new()
    {
        BatchId = "ksst-sme-2027",
        NominatingCountry = "NP",
        Participant = new Participant { FullName = name, Email = "sujata@moics.gov.np", DietaryNeeds = dietaryNeeds },
        AgencyContact = new AgencyContact { Name = "Ram Thapa", Email = "ram@moics.gov.np" },
    };

    private static IEnumerable<string> Fields(IMessage message) => FieldRules.Find(message).All.Select(v => v.Field);

    /// <summary>C0, DEL and C1: the characters of Unicode category Cc.</summary>
    private static readonly char[] Controls = [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)];

    [Fact]
    public void Printable_text_in_any_script_passes()
    {
        Assert.Empty(Fields(Nomination("Nguyễn Thị Ánh · Ñuñez-Ó'Brien · ဒေါ်အောင် · सुजाता \u00A0 😀")));
    }

    [Fact]
    public void Every_control_character_is_refused_in_a_one_line_field_and_named_by_its_code_point()
    {
        foreach (var c in Controls)
        {
            var violation = Assert.Single(FieldRules.Find(Nomination($"Sujata{c}Shrestha")).All);
            Assert.Equal("participant.full_name", violation.Field);
            Assert.Equal($"Holds the control character U+{(int)c:X4} at character 7; only printable text on one line is allowed.", violation.Description);
        }
    }

    [Fact]
    public void A_multiline_field_takes_line_feed_carriage_return_and_tab_and_no_other_control()
    {
        Assert.Empty(Fields(Nomination(dietaryNeeds: "Halal.\r\nNo peanuts,\tplease.")));
        foreach (var c in Controls.Except(['\t', '\n', '\r']))
        {
            var violation = Assert.Single(FieldRules.Find(Nomination(dietaryNeeds: $"Halal.\n{c}")).All);
            Assert.Equal("participant.dietary_needs", violation.Field);
            Assert.Equal($"Holds the control character U+{(int)c:X4} at character 8; only line breaks (LF, CR) and tabs are allowed here.", violation.Description);
        }
        Assert.Equal(["participant.full_name"], Fields(Nomination("Sujata\nShrestha")));
        Assert.Equal(["participant.full_name"], Fields(Nomination("Sujata\tShrestha")));
    }

    [Fact]
    public void The_multiline_fields_are_declared_in_the_protos()
    {
        Assert.True(Session.Descriptor.FindFieldByName("description").GetOptions().GetExtension(TextExtensions.Multiline));
        Assert.True(Programme.Descriptor.FindFieldByName("description").GetOptions().GetExtension(TextExtensions.Multiline));
        Assert.True(Participant.Descriptor.FindFieldByName("accessibility_needs").GetOptions().GetExtension(TextExtensions.Multiline));
        Assert.False(Session.Descriptor.FindFieldByName("title").GetOptions()?.GetExtension(TextExtensions.Multiline) ?? false);
        Assert.Equal(["session.description"], Fields(new ScheduleSessionRequest { Session = new Session { Title = "Opening", Description = "Welcome.\r\n\u0000" } }));
        Assert.Empty(Fields(new ScheduleSessionRequest { Session = new Session { Title = "Opening", Description = "Welcome.\r\n\tThen the programme." } }));
    }

    [Fact]
    public void Every_bad_field_is_named_once_by_its_path_in_field_order()
    {
        var request = Nomination("Sujata\0\0Shrestha");
        request.BatchId = "ksst\u001b";
        request.AgencyContact.Name = "Ram\u0085";
        request.Participant.Email = "\u007f";

        Assert.Equal(["batch_id", "participant.full_name", "participant.email", "agency_contact.name"], Fields(request));
    }

    [Fact]
    public void Repeated_fields_are_named_by_the_field_and_the_item_by_its_position()
    {
        var request = new CreateBatchRequest { Batch = new Batch { BatchId = "ksst-sme-2027", HostCities = { "Jakarta", "Band\u0000ung", "Cima\u0000hi" } } };

        var violation = Assert.Single(FieldRules.Find(request).All);

        Assert.Equal("batch.host_cities", violation.Field);
        Assert.StartsWith("Item 2 holds the control character U+0000 at character 5;", violation.Description);
    }

    [Fact]
    public void Map_keys_and_values_and_oneof_members_are_checked()
    {
        var group = new Group { Name = "A", Countries = { ["N\u0000P"] = 2 } };
        Assert.Equal(["countries"], Fields(group));
        Assert.StartsWith("A key holds", FieldRules.Find(group).All[0].Description);

        var value = Value.ForStruct(new Struct { Fields = { ["note"] = Value.ForString("a\u0007b") } });
        Assert.Equal(["struct_value.fields.string_value"], Fields(value));
        Assert.Equal(["string_value"], Fields(Value.ForString("\u0000")));
        Assert.Empty(Fields(Value.ForNumber(0)));
    }

    [Fact]
    public void Bytes_are_not_text()
    {
        Assert.Empty(Fields(new Any { TypeUrl = "type.googleapis.com/x", Value = ByteString.CopyFrom(0, 27, 127) }));
    }

    [Fact]
    public void Unset_messages_and_empty_strings_pass() => Assert.Empty(Fields(new NominateRequest()));
}
