using Ksst.Platform.Sqlite;
using Ksst.Registration.Data;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Registration.V1;

namespace Ksst.Registration.Programmes;

/// <summary>Creating and changing programmes, each in one unit of work, as <see cref="ProgrammeAccess"/> allows.</summary>
internal sealed class ProgrammeCommands(RegistrationDbContext db, UnitOfWork<RegistrationDbContext> unitOfWork)
{
    /// <summary>Stores a new programme; ALREADY_EXISTS when its id is taken.</summary>
    public Task<Programme> CreateAsync(Api.Programme plan, Caller caller, CancellationToken ct) => unitOfWork.RunAsync(async _ =>
    {
        ProgrammeAccess.CheckOrganisesEveryProgramme(caller);
        if (await db.Programmes.AnyAsync(p => p.Id == plan.ProgrammeId, ct))
        {
            throw RpcErrors.AlreadyExists("programme", plan.ProgrammeId, $"Programme {plan.ProgrammeId} already exists.");
        }
        var programme = new Programme { Id = plan.ProgrammeId, Name = "" };
        programme.Apply(plan);
        db.Programmes.Add(programme);
        return programme;
    }, ct);

    /// <summary>Replaces a programme's description; NOT_FOUND when there is none.</summary>
    public Task<Programme> UpdateAsync(Api.Programme plan, Caller caller, CancellationToken ct) => unitOfWork.RunAsync(async _ =>
    {
        var programme = await ProgrammeQueries.FindAsync(db.Programmes, plan.ProgrammeId, ct);
        ProgrammeAccess.CheckOrganises(caller, programme.Id);
        programme.Apply(plan);
        return programme;
    }, ct);
}
