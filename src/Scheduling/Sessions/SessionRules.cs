using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling.Sessions;

/// <summary>The field rules of a proposed session; each broken rule names its field.</summary>
public static class SessionRules
{
    /// <summary>Every broken rule of <paramref name="session"/>.</summary>
    public static FieldViolations Check(Api.Session? session)
    {
        if (session is null)
        {
            return new FieldViolations().Add("session", "Required.");
        }
        var violations = new FieldViolations()
            .AddIf(string.IsNullOrWhiteSpace(session.BatchId), "session.batch_id", "Required.")
            .AddIf(session.Kind == Api.SessionKind.Unspecified || !Enum.IsDefined(session.Kind), "session.kind", "Required: a SessionKind.")
            .AddIf(string.IsNullOrWhiteSpace(session.Title), "session.title", "Required.")
            .AddIf(string.IsNullOrWhiteSpace(session.VenueId), "session.venue_id", "Required.")
            .AddIf(session.Kind == Api.SessionKind.Travel && string.IsNullOrWhiteSpace(session.FromCity), "session.from_city", "Required for travel.")
            .AddIf(session.SessionId.Length > 0 && !Guid.TryParse(session.SessionId, out _), "session.session_id", "Must be a UUID.")
            .AddIf(session.Capacity < 0, "session.capacity", "0 (the venue's capacity) or more.")
            .AddIf(session.Groups.Any(g => g.Trim().Length is 0 or > 16), "session.groups", "Group names are 1 to 16 characters.");
        return violations.CheckTimes(session.Start, session.End, "session.");
    }

    /// <summary>Start and end are required, and the end comes after the start.</summary>
    public static FieldViolations CheckTimes(this FieldViolations violations, Timestamp? start, Timestamp? end, string prefix = "")
    {
        violations
            .AddIf(start is null, prefix + "start", "Required.")
            .AddIf(end is null, prefix + "end", "Required.");
        if (start is not null && end is not null && end.ToDateTimeOffset() <= start.ToDateTimeOffset())
        {
            violations.Add(prefix + "end", "Must be after the start.");
        }
        return violations;
    }
}
