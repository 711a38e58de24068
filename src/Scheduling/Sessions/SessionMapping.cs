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
        Speakers = { s.Speakers },
        Start = Timestamp.FromDateTimeOffset(s.Start),
        End = Timestamp.FromDateTimeOffset(s.End),
        Groups = { s.Groups },
        FromCity = s.FromCity ?? "",
        Cancelled = s.Cancelled,
        City = city,
    };

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
            _ => "TRAVEL_TIME",
        },
        SessionId = c.With.ToString(),
        Description = c.Detail,
    };
}
