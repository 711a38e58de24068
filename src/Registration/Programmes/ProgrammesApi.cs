using Grpc.Core;
using Ksst.Contracts.Events;
using Ksst.Contracts.Registration.V1;
using Ksst.Platform.Outbox;
using Ksst.Platform.Sqlite;
using Ksst.Registration.Batches;
using Ksst.Registration.Data;
using Ksst.Registration.Nominations;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Registration.V1;
using Batch = Ksst.Registration.Batches.Batch;
using BatchStatus = Ksst.Registration.Batches.BatchStatus;

namespace Ksst.Registration.Programmes;

/// <summary>The Programmes gRPC service: programmes, batches and the batch lifecycle.</summary>
internal sealed class ProgrammesApi(RegistrationDbContext db, SqliteWriteGate gate, TimeProvider clock) : Api.Programmes.ProgrammesBase
{
    public override async Task<Api.Programme> CreateProgramme(CreateProgrammeRequest request, ServerCallContext context)
    {
        ProgrammeMapping.Check(request.Programme).ThrowIfAny();
        using var _ = await gate.EnterAsync(context.CancellationToken);
        if (await db.Programmes.AnyAsync(p => p.Id == request.Programme.ProgrammeId, context.CancellationToken))
        {
            throw RpcErrors.AlreadyExists("programme", request.Programme.ProgrammeId, $"Programme {request.Programme.ProgrammeId} already exists.");
        }
        var programme = new Programme { Id = request.Programme.ProgrammeId, Name = "" };
        programme.Apply(request.Programme);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(context.CancellationToken);
        return programme.ToApi();
    }

    public override async Task<Api.Programme> UpdateProgramme(UpdateProgrammeRequest request, ServerCallContext context)
    {
        ProgrammeMapping.Check(request.Programme).ThrowIfAny();
        using var _ = await gate.EnterAsync(context.CancellationToken);
        var programme = await FindProgrammeAsync(request.Programme.ProgrammeId, context);
        programme.Apply(request.Programme);
        await db.SaveChangesAsync(context.CancellationToken);
        return programme.ToApi();
    }

    public override async Task<Api.Programme> GetProgramme(GetProgrammeRequest request, ServerCallContext context) =>
        (await FindProgrammeAsync(request.ProgrammeId, context)).ToApi();

    public override async Task<ListProgrammesResponse> ListProgrammes(ListProgrammesRequest request, ServerCallContext context) =>
        new() { Programmes = { (await db.Programmes.AsNoTracking().OrderBy(p => p.Id).ToListAsync(context.CancellationToken)).Select(p => p.ToApi()) } };

    public override async Task<Api.Batch> CreateBatch(CreateBatchRequest request, ServerCallContext context)
    {
        BatchRules.Check(request.Batch).ThrowIfAny();
        var plan = request.Batch;
        using var _ = await gate.EnterAsync(context.CancellationToken);
        await FindProgrammeAsync(plan.ProgrammeId, context);
        if (await db.Batches.AnyAsync(b => b.Id == plan.BatchId || (b.ProgrammeId == plan.ProgrammeId && b.Number == plan.Number), context.CancellationToken))
        {
            throw RpcErrors.AlreadyExists("batch", plan.BatchId, $"Batch {plan.BatchId} or number {plan.Number} of programme {plan.ProgrammeId} already exists.");
        }
        var batch = new Batch { Id = plan.BatchId, ProgrammeId = plan.ProgrammeId, Number = plan.Number };
        batch.ApplyPlan(plan);
        db.Batches.Add(batch);
        await db.SaveChangesAsync(context.CancellationToken);
        return batch.ToApi(0);
    }

    public override async Task<Api.Batch> UpdateBatch(UpdateBatchRequest request, ServerCallContext context)
    {
        BatchRules.Check(request.Batch).ThrowIfAny();
        using var _ = await gate.EnterAsync(context.CancellationToken);
        var batch = await FindBatchAsync(request.Batch.BatchId, context);
        if (!BatchLifecycle.IsPlanEditable(batch.Status))
        {
            throw RpcErrors.FailedPrecondition("BATCH_STATUS", $"batches/{batch.Id}", $"Batch {batch.Id} is {batch.Status}; its plan can change only while Draft or Open.");
        }
        var seats = await SeatsByCountryAsync(batch.Id, context);
        if (request.Batch.Capacity < seats.Values.Sum() || seats.Values.Any(s => s > request.Batch.CountryQuota))
        {
            throw RpcErrors.FailedPrecondition("SEATS_TAKEN", $"batches/{batch.Id}",
                $"{seats.Values.Sum()} seats are taken (at most {seats.Values.DefaultIfEmpty().Max()} by one country); capacity and quota cannot go below that.");
        }
        batch.ApplyPlan(request.Batch);
        await db.SaveChangesAsync(context.CancellationToken);
        return batch.ToApi(seats.Values.Sum());
    }

    public override async Task<Api.Batch> GetBatch(GetBatchRequest request, ServerCallContext context)
    {
        var batch = await FindBatchAsync(request.BatchId, context);
        return batch.ToApi((await SeatsByCountryAsync(batch.Id, context)).Values.Sum());
    }

    public override async Task<ListBatchesResponse> ListBatches(ListBatchesRequest request, ServerCallContext context)
    {
        await FindProgrammeAsync(request.ProgrammeId, context);
        var batches = await db.Batches.AsNoTracking().Where(b => b.ProgrammeId == request.ProgrammeId).OrderBy(b => b.Number).ToListAsync(context.CancellationToken);
        var seats = await db.Nominations.AsNoTracking().HoldingSeats()
            .GroupBy(n => n.BatchId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, context.CancellationToken);
        return new ListBatchesResponse { Batches = { batches.Select(b => b.ToApi(seats.GetValueOrDefault(b.Id))) } };
    }

    public override async Task<Api.Batch> ChangeBatchStatus(ChangeBatchStatusRequest request, ServerCallContext context)
    {
        if (request.Status == Api.BatchStatus.Unspecified)
        {
            throw RpcErrors.InvalidArgument("status", "Required.");
        }
        var target = (BatchStatus)(int)request.Status;
        using var _ = await gate.EnterAsync(context.CancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var batch = await FindBatchAsync(request.BatchId, context);
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
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return batch.ToApi((await SeatsByCountryAsync(batch.Id, context)).Values.Sum());
    }

    private async Task<Dictionary<string, int>> SeatsByCountryAsync(string batchId, ServerCallContext context) =>
        await db.Nominations.AsNoTracking().HoldingSeats()
            .Where(n => n.BatchId == batchId)
            .GroupBy(n => n.NominatingCountry).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, context.CancellationToken);

    private async Task<Programme> FindProgrammeAsync(string id, ServerCallContext context) =>
        await db.Programmes.SingleOrDefaultAsync(p => p.Id == id, context.CancellationToken) ?? throw RpcErrors.NotFound("programme", id);

    private async Task<Batch> FindBatchAsync(string id, ServerCallContext context) =>
        await db.Batches.SingleOrDefaultAsync(b => b.Id == id, context.CancellationToken) ?? throw RpcErrors.NotFound("batch", id);
}
