using Ksst.Contracts.Events;
using Ksst.Platform.Outbox;
using Ksst.Platform.Sqlite;
using Ksst.Registration.Data;
using Ksst.Registration.Programmes;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Registration.V1;

namespace Ksst.Registration.Batches;

/// <summary>
/// Planning batches and moving them through <see cref="BatchLifecycle"/>, each in one unit of work
/// with its events, by the organisers of the batch's programme (<see cref="ProgrammeAccess"/>).
/// </summary>
internal sealed class BatchCommands(RegistrationDbContext db, UnitOfWork<RegistrationDbContext> unitOfWork, TimeProvider clock)
{
    /// <summary>Stores a new Draft batch of an existing programme; ALREADY_EXISTS when its id or number is taken.</summary>
    public Task<Batch> CreateAsync(Api.Batch plan, Caller caller, CancellationToken ct) => unitOfWork.RunAsync(async _ =>
    {
        await ProgrammeQueries.FindAsync(db.Programmes, plan.ProgrammeId, ct);
        ProgrammeAccess.CheckOrganises(caller, plan.ProgrammeId);
        if (await db.Batches.AnyAsync(b => b.Id == plan.BatchId || (b.ProgrammeId == plan.ProgrammeId && b.Number == plan.Number), ct))
        {
            throw RpcErrors.AlreadyExists("batch", plan.BatchId, $"Batch {plan.BatchId} or number {plan.Number} of programme {plan.ProgrammeId} already exists.");
        }
        var batch = new Batch { Id = plan.BatchId, ProgrammeId = plan.ProgrammeId, Number = plan.Number };
        batch.ApplyPlan(plan);
        db.Batches.Add(batch);
        return batch;
    }, ct);

    /// <summary>Replaces the plan of a Draft or Open batch; capacity and quota cannot go below the seats taken.</summary>
    public Task<(Batch Batch, int SeatsTaken)> UpdateAsync(Api.Batch plan, Caller caller, CancellationToken ct) => unitOfWork.RunAsync(async _ =>
    {
        var batch = await BatchQueries.FindAsync(db.Batches, plan.BatchId, ct);
        ProgrammeAccess.CheckOrganises(caller, batch.ProgrammeId);
        if (!BatchLifecycle.IsPlanEditable(batch.Status))
        {
            throw RpcErrors.FailedPrecondition("BATCH_STATUS", $"batches/{batch.Id}", $"Batch {batch.Id} is {batch.Status}; its plan can change only while Draft or Open.");
        }
        var seats = await BatchQueries.SeatsByCountryAsync(db, batch.Id, ct);
        if (plan.Capacity < seats.Values.Sum() || seats.Values.Any(s => s > plan.CountryQuota))
        {
            throw RpcErrors.FailedPrecondition("SEATS_TAKEN", $"batches/{batch.Id}",
                $"{seats.Values.Sum()} seats are taken (at most {seats.Values.DefaultIfEmpty().Max()} by one country); capacity and quota cannot go below that.");
        }
        batch.ApplyPlan(plan);
        return (batch, seats.Values.Sum());
    }, ct);

    /// <summary>Moves a batch to <paramref name="target"/>; opening and closing tell subscribers.</summary>
    public Task<(Batch Batch, int SeatsTaken)> ChangeStatusAsync(string batchId, BatchStatus target, Caller caller, CancellationToken ct) => unitOfWork.RunAsync(async _ =>
    {
        var batch = await BatchQueries.FindAsync(db.Batches, batchId, ct);
        ProgrammeAccess.CheckOrganises(caller, batch.ProgrammeId);
        if (!BatchLifecycle.CanMove(batch.Status, target))
        {
            throw RpcErrors.FailedPrecondition("BATCH_STATUS", $"batches/{batch.Id}", $"Batch {batch.Id} is {batch.Status}; it cannot become {target}.");
        }
        var now = clock.GetUtcNow();
        if (target == BatchStatus.Open && batch.NominationDeadline <= now)
        {
            throw RpcErrors.FailedPrecondition("DEADLINE_PASSED", $"batches/{batch.Id}", $"The nomination deadline of batch {batch.Id} ({batch.NominationDeadline:u}) has passed; move it before opening.");
        }
        batch.Status = target;
        if (target == BatchStatus.Open)
        {
            db.AddEvent(new BatchOpened(Guid.CreateVersion7(now), now, batch.Id, batch.ProgrammeId, batch.Number, batch.NominationDeadline));
        }
        else if (target == BatchStatus.Closed)
        {
            db.AddEvent(new BatchClosed(Guid.CreateVersion7(now), now, batch.Id, batch.ProgrammeId, batch.Number));
        }
        return (batch, (await BatchQueries.SeatsByCountryAsync(db, batch.Id, ct)).Values.Sum());
    }, ct);
}
