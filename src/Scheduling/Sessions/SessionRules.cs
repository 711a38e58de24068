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
            .AddIf(session.Start is null, "session.start", "Required.")
            .AddIf(session.End is null, "session.end", "Required.")
            .AddIf(session.Kind == Api.SessionKind.Travel && string.IsNullOrWhiteSpace(session.FromCity), "session.from_city", "Required for travel.")
            .AddIf(session.SessionId.Length > 0 && !Guid.TryParse(session.SessionId, out _), "session.session_id", "Must be a UUID.");
        if (session.Start is not null && session.End is not null && session.End.ToDateTimeOffset() <= session.Start.ToDateTimeOffset())
        {
            violations.Add("session.end", "Must be after the start.");
        }
        return violations;
    }
}
