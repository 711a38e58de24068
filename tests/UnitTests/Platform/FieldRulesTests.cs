using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Ksst.Contracts.Api.V1;
using Ksst.Contracts.Notifications.V1;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using Ksst.ServiceDefaults.Errors;

namespace Ksst.UnitTests.Platform;

/// <summary>The length, item, timestamp and enum rules of the request walker (the text rule: <see cref="ControlCharactersTests"/>).</summary>
public sealed class FieldRulesTests
{
    private static IReadOnlyList<(string Field, string Description)> Violations(IMessage message) =>
        [.. FieldRules.Find(message).All.Select(v => (v.Field, v.Description))];

    private static NominateRequest Nomination() => new()
    {
        BatchId = "ksst-sme-2027",
        NominatingCountry = "NP",
        Participant = new Participant { FullName = "Sujata Shrestha", Email = "sujata@moics.gov.np" },
    };

    [Fact]
    public void A_string_without_a_declared_limit_takes_200_characters_and_no_more()
    {
        var request = Nomination();
        request.Participant.Organisation = new string('a', 200);
        Assert.Empty(Violations(request));

        request.Participant.Organisation = new string('a', 201);
        Assert.Equal([("participant.organisation", "At most 200 characters; this has 201.")], Violations(request));
    }

    [Fact]
    public void Declared_limits_are_read_from_the_protos()
    {
        var request = Nomination();
        request.BatchId = new string('b', 65);
        request.Participant.DietaryNeeds = new string('d', 2000);
        request.Participant.AccessibilityNeeds = new string('a', 2001);
        request.Participant.Email = new string('e', 250) + "@x.id";

        Assert.Equal(
            [
                ("batch_id", "At most 64 characters; this has 65."),
                ("participant.email", "At most 254 characters; this has 255."),
                ("participant.accessibility_needs", "At most 2000 characters; this has 2001."),
            ],
            Violations(request));
        Assert.Equal(4000, Session.Descriptor.FindFieldByName("description").GetOptions().GetExtension(TextExtensions.MaxLength));
        Assert.Equal(2048, CreateWebhookSubscriptionRequest.Descriptor.FindFieldByName("url").GetOptions().GetExtension(TextExtensions.MaxLength));
    }

    [Fact]
    public void Characters_are_code_points_not_utf16_units()
    {
        var request = Nomination();
        request.Participant.FullName = string.Concat(Enumerable.Repeat("😀", 200));
        Assert.Empty(Violations(request));

        request.Participant.FullName += "😀";
        Assert.Equal([("participant.full_name", "At most 200 characters; this has 201.")], Violations(request));
    }

    [Fact]
    public void A_control_character_is_named_before_the_length_and_each_field_once()
    {
        var request = Nomination();
        request.Participant.FullName = "\0" + new string('a', 300);

        var violation = Assert.Single(Violations(request));

        Assert.Equal("participant.full_name", violation.Field);
        Assert.StartsWith("Holds the control character U+0000", violation.Description);
    }

    [Fact]
    public void Repeated_fields_take_their_declared_or_the_default_item_count_and_each_item_its_length()
    {
        var batch = new Batch { BatchId = "ksst-sme-2027" };
        batch.HostCities.AddRange(Enumerable.Range(1, 21).Select(i => $"City {i}"));
        Assert.Equal([("batch.host_cities", "At most 20 items; this has 21.")], Violations(new CreateBatchRequest { Batch = batch }));

        var webhook = new CreateWebhookSubscriptionRequest { Url = "http://127.0.0.1:9/h", EventTypes = { "*", new string('e', 201) } };
        Assert.Equal([("event_types", "Item 2 has 201 characters; at most 200 are taken.")], Violations(webhook));

        var group = new Group { Name = "A" };
        group.NominationIds.AddRange(Enumerable.Range(0, 101).Select(i => $"n{i}"));
        Assert.Equal([("nomination_ids", "At most 100 items; this has 101.")], Violations(group));
    }

    [Fact]
    public void A_map_counts_its_entries_and_holds_its_keys_to_the_length()
    {
        var group = new Group { Name = "A", Countries = { [new string('N', 201)] = 1 } };
        Assert.Equal([("countries", "A key has 201 characters; at most 200 are taken.")], Violations(group));
    }

    [Theory]
    [InlineData(TimestampRange.MinSeconds - 1, 0, "A time between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z; this has seconds = -62135596801.")]
    [InlineData(TimestampRange.MaxSeconds + 1, 0, "A time between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z; this has seconds = 253402300800.")]
    [InlineData(long.MaxValue, 0, "A time between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z; this has seconds = 9223372036854775807.")]
    [InlineData(0, -1, "Nanos must be from 0 to 999999999; this has -1.")]
    [InlineData(0, 1_000_000_000, "Nanos must be from 0 to 999999999; this has 1000000000.")]
    public void A_timestamp_outside_protobufs_range_is_named(long seconds, int nanos, string description)
    {
        var request = new RescheduleSessionRequest { SessionId = Guid.NewGuid().ToString(), Start = new Timestamp { Seconds = seconds, Nanos = nanos }, End = Timestamp.FromDateTime(DateTime.UnixEpoch) };

        Assert.Equal([("start", description)], Violations(request));
    }

    [Fact]
    public void The_ends_of_the_timestamp_range_pass()
    {
        var request = new RescheduleSessionRequest
        {
            Start = new Timestamp { Seconds = TimestampRange.MinSeconds },
            End = new Timestamp { Seconds = TimestampRange.MaxSeconds, Nanos = 999_999_999 },
        };
        Assert.Empty(Violations(request));
        Assert.Equal(DateTime.MinValue, request.Start.ToDateTime());
    }

    [Fact]
    public void An_enum_number_the_proto_does_not_declare_is_named()
    {
        var request = new ChangeBatchStatusRequest { BatchId = "ksst-sme-2027", Status = (BatchStatus)99 };

        Assert.Equal([("status", "99 is not a value of ksst.registration.v1.BatchStatus.")], Violations(request));
        Assert.Empty(Violations(new ChangeBatchStatusRequest { BatchId = "ksst-sme-2027", Status = BatchStatus.Open }));
    }
}
