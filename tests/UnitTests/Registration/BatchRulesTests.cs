using Google.Protobuf.WellKnownTypes;
using Ksst.Registration.Batches;
using Api = Ksst.Contracts.Registration.V1;

namespace Ksst.UnitTests.Registration;

public sealed class BatchRulesTests
{
    private static Api.Batch Valid() => new()
    {
        BatchId = "ksst-sme-2019", ProgrammeId = "ksst-sme", Number = 4, Theme = "Digital SMEs",
        HostCities = { "Jakarta", "Bandung" }, StartDate = "2019-07-15", EndDate = "2019-07-27", TimeZone = "Asia/Jakarta",
        Capacity = 20, CountryQuota = 2, NominationDeadline = Timestamp.FromDateTime(new DateTime(2019, 6, 15, 0, 0, 0, DateTimeKind.Utc)),
        EligibleCountries = { "LK", "NP" },
    };

    private static string[] Fields(Api.Batch batch) => BatchRules.Check(batch).All.Select(v => v.Field).ToArray();

    [Fact]
    public void A_complete_plan_breaks_no_rule() => Assert.Empty(Fields(Valid()));

    [Fact]
    public void Every_broken_field_is_named()
    {
        var batch = new Api.Batch { BatchId = "Bad Id", StartDate = "18/07/2018", EndDate = "", TimeZone = "Mars/Olympus", EligibleCountries = { "FR" } };
        Assert.Equal(
            ["batch.batch_id", "batch.programme_id", "batch.number", "batch.host_cities", "batch.start_date", "batch.end_date",
             "batch.capacity", "batch.country_quota", "batch.nomination_deadline", "batch.time_zone", "batch.eligible_countries"],
            Fields(batch));
    }

    [Theory]
    [InlineData("1999-12-31", "2019-07-27")]
    [InlineData("2019-07-15", "2101-01-01")]
    [InlineData("0001-01-01", "9999-12-31")]
    public void Batch_dates_fall_in_the_years_2000_to_2100(string start, string end)
    {
        var batch = Valid();
        batch.StartDate = start;
        batch.EndDate = end;
        batch.NominationDeadline = null;

        var violations = BatchRules.Check(batch).All.Where(v => v.Field is "batch.start_date" or "batch.end_date").ToList();

        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.StartsWith("An ISO 8601 date in the years 2000 to 2100", v.Description));
        batch.StartDate = "2000-01-01";
        batch.EndDate = "2100-12-31";
        Assert.DoesNotContain(BatchRules.Check(batch).All, v => v.Field is "batch.start_date" or "batch.end_date");
    }

    [Fact]
    public void The_end_is_not_before_the_start()
    {
        var batch = Valid();
        batch.EndDate = "2019-07-14";
        Assert.Equal(["batch.end_date"], Fields(batch));
    }

    [Fact]
    public void The_quota_does_not_exceed_the_capacity()
    {
        var batch = Valid();
        batch.CountryQuota = 21;
        Assert.Equal(["batch.country_quota"], Fields(batch));
    }

    [Fact]
    public void The_deadline_comes_before_the_batch()
    {
        var batch = Valid();
        batch.NominationDeadline = Timestamp.FromDateTime(new DateTime(2019, 7, 16, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(["batch.nomination_deadline"], Fields(batch));
    }

    [Fact]
    public void A_missing_batch_is_named() => Assert.Equal(["batch"], BatchRules.Check(null).All.Select(v => v.Field));
}
