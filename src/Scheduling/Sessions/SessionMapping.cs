using Google.Protobuf.WellKnownTypes;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling.Sessions;

/// <summary>Maps sessions and venues to their API messages.</summary>
internal static class SessionMapping
{
    public static Api.Session ToApi(this Session s, string city) => new()
    {
        SessionId = s.Id.ToString(),
        BatchId = s.BatchId,
        Kind = (Api.SessionKind)s.Kind,
        Title = s.Title,
        Description = s.Description,
        VenueId = s.VenueId,
        HostId = s.HostId ?? "",
        Speakers = { s.Speakers },
        Capacity = s.Capacity,
        Start = Timestamp.FromDateTimeOffset(s.Start),
        End = Timestamp.FromDateTimeOffset(s.End),
        Groups = { s.Groups },
        FromCity = s.FromCity ?? "",
        Cancelled = s.Cancelled,
        City = city,
    };

    /// <summary>A session as proposed, with <paramref name="id"/>; names and lists trimmed.</summary>
    public static Session ToSession(this Api.Session proposal, Guid id) => new()
    {
        Id = id,
        BatchId = proposal.BatchId,
        Kind = (int)proposal.Kind,
        Title = proposal.Title.Trim(),
        Description = proposal.Description.Trim(),
        VenueId = proposal.VenueId.Trim(),
        HostId = proposal.HostId.Trim() is { Length: > 0 } host ? host : null,
        Speakers = Clean(proposal.Speakers),
        Capacity = proposal.Capacity,
        Start = proposal.Start.ToDateTimeOffset(),
        End = proposal.End.ToDateTimeOffset(),
        Groups = Clean(proposal.Groups),
        FromCity = proposal.Kind == Api.SessionKind.Travel ? proposal.FromCity.Trim() : null,
    };

    public static Api.Speaker ToApi(this Speaker s) => new() { SpeakerId = s.Id, Name = s.Name, Institution = s.Institution };

    public static Api.Venue ToApi(this Venue v) => new()
    {
        VenueId = v.Id, Name = v.Name, Kind = v.Kind, City = v.City, Address = v.Address, Capacity = v.Capacity, TimeZone = v.TimeZone,
    };

    public static Api.SessionConflict ToApi(this Conflict c) => new()
    {
        Kind = c.Kind switch
        {
            ConflictKind.VenueOverlap => "VENUE_OVERLAP",
            ConflictKind.SpeakerOverlap => "SPEAKER_OVERLAP",
            ConflictKind.AudienceOverlap => "AUDIENCE_OVERLAP",
            ConflictKind.TravelTime => "TRAVEL_TIME",
            ConflictKind.OutsideBatchDates => "OUTSIDE_BATCH_DATES",
            _ => "OVER_CAPACITY",
        },
        SessionId = c.Resource is null ? c.With.ToString() : "",
        Description = c.Detail,
        Subject = c.Subject,
    };

    private static List<string> Clean(IEnumerable<string> names) =>
        names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
