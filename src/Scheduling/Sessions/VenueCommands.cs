using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Data;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Sessions;

/// <summary>Adds the places sessions happen in.</summary>
internal sealed class VenueCommands(SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork)
{
    /// <summary>Stores <paramref name="venue"/>; ALREADY_EXISTS when its id is taken.</summary>
    public Task<Venue> CreateAsync(Venue venue, CancellationToken ct) =>
        unitOfWork.RunAsync(async _ =>
        {
            if (await db.Venues.AnyAsync(x => x.Id == venue.Id, ct))
            {
                throw RpcErrors.AlreadyExists("venue", venue.Id, $"Venue {venue.Id} already exists.");
            }
            db.Venues.Add(venue);
            return venue;
        }, ct);
}
