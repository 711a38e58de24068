using Grpc.Core;
using Ksst.Contracts.Scheduling.V1;
using Ksst.Scheduling.Sessions;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Scheduling.V1;
using Venue = Ksst.Scheduling.Sessions.Venue;

namespace Ksst.Scheduling;

/// <summary>The Scheduling gRPC service; this part: venues.</summary>
internal sealed partial class SchedulingApi
{
    public override async Task<Api.Venue> CreateVenue(CreateVenueRequest request, ServerCallContext context)
    {
        var v = request.Venue;
        (v is null
            ? new FieldViolations().Add("venue", "Required.")
            : new FieldViolations()
                .AddIf(string.IsNullOrWhiteSpace(v.VenueId), "venue.venue_id", "Required.")
                .AddIf(string.IsNullOrWhiteSpace(v.Name), "venue.name", "Required.")
                .AddIf(string.IsNullOrWhiteSpace(v.City), "venue.city", "Required.")
                .AddIf(v.Capacity < 1, "venue.capacity", "At least 1.")
                .AddIf(v.TimeZone.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(v.TimeZone, out _), "venue.time_zone", "An IANA time zone, e.g. \"Asia/Jakarta\".")).ThrowIfAny();
        var venue = new Venue
        {
            Id = v!.VenueId.Trim(), Name = v.Name.Trim(), Kind = v.Kind.Trim(), City = v.City.Trim(), Address = v.Address.Trim(),
            Capacity = v.Capacity, TimeZone = v.TimeZone.Length > 0 ? v.TimeZone : "Asia/Jakarta",
        };
        return (await venues.CreateAsync(venue, context.CancellationToken)).ToApi();
    }

    public override async Task<ListVenuesResponse> ListVenues(ListVenuesRequest request, ServerCallContext context) =>
        new() { Venues = { (await timetable.VenuesAsync(context.CancellationToken)).Select(v => v.ToApi()) } };
}
