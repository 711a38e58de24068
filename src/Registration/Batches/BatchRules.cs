using System.Text.RegularExpressions;
using Ksst.Registration.Countries;
using Ksst.Registration.Nominations;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Registration.V1;

namespace Ksst.Registration.Batches;

/// <summary>The field rules of a batch plan; each broken rule names its field (under "batch.").</summary>
public static partial class BatchRules
{
    /// <summary>Every broken rule of <paramref name="batch"/>.</summary>
    public static FieldViolations Check(Api.Batch? batch)
    {
        var violations = new FieldViolations();
        if (batch is null)
        {
            return violations.Add("batch", "Required.");
        }
        violations
            .AddIf(!IdPattern().IsMatch(batch.BatchId), "batch.batch_id", "Lower-case letters, digits and dashes, 3 to 64 characters.")
            .AddIf(batch.ProgrammeId.Length == 0, "batch.programme_id", "Required.")
            .AddIf(batch.Number < 1, "batch.number", "At least 1.")
            .AddIf(batch.HostCities.Count == 0 || batch.HostCities.Any(string.IsNullOrWhiteSpace), "batch.host_cities", "At least one city, none empty.")
            .AddIf(!IsoDate.TryParse(batch.StartDate, out var start), "batch.start_date", IsoDate.Expected("2018-07-18"))
            .AddIf(!IsoDate.TryParse(batch.EndDate, out var end), "batch.end_date", IsoDate.Expected("2018-07-30"))
            .AddIf(batch.Capacity < 1, "batch.capacity", "At least 1.")
            .AddIf(batch.CountryQuota < 1, "batch.country_quota", "At least 1.")
            .AddIf(batch.NominationDeadline is null, "batch.nomination_deadline", "Required.")
            .AddIf(batch.TimeZone.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(batch.TimeZone, out _), "batch.time_zone", "An IANA time zone, e.g. \"Asia/Jakarta\".");
        if (start != default && end != default && end < start)
        {
            violations.Add("batch.end_date", "Must not be before the start date.");
        }
        if (batch.CountryQuota > batch.Capacity && batch.Capacity >= 1)
        {
            violations.Add("batch.country_quota", "Must not exceed the capacity.");
        }
        if (batch.NominationDeadline is { } deadline && start != default && deadline.ToDateTimeOffset() > start.ToDateTime(TimeOnly.MinValue))
        {
            violations.Add("batch.nomination_deadline", "Must be before the batch starts.");
        }
        var unknown = batch.EligibleCountries.Where(c => !ColomboPlanMembers.IsMember(c)).ToList();
        violations.AddIf(unknown.Count > 0, "batch.eligible_countries", $"Not Colombo Plan members: {string.Join(", ", unknown)}.");
        return violations;
    }

    /// <summary>The identifier pattern of programmes and batches.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    public static partial Regex IdPattern();
}
