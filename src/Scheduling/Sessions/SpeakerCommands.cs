using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Data;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Sessions;

/// <summary>Adds hosts and speakers.</summary>
internal sealed class SpeakerCommands(SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork)
{
    /// <summary>Stores <paramref name="speaker"/>; ALREADY_EXISTS when its id is taken.</summary>
    public Task<Speaker> CreateAsync(Speaker speaker, CancellationToken ct) =>
        unitOfWork.RunAsync(async _ =>
        {
            if (await db.Speakers.AnyAsync(x => x.Id == speaker.Id, ct))
            {
                throw RpcErrors.AlreadyExists("speaker", speaker.Id, $"Speaker {speaker.Id} already exists.");
            }
            db.Speakers.Add(speaker);
            return speaker;
        }, ct);
}
