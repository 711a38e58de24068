using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Ksst.Registration.Batches;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Registration.V1;
using BatchStatus = Ksst.Registration.Batches.BatchStatus;

namespace Ksst.Registration.Programmes;

/// <summary>The Programmes gRPC service: programmes, batches and the batch lifecycle.</summary>
internal sealed class ProgrammesApi(ProgrammeCommands programmes, ProgrammeQueries programmeQueries, BatchCommands batches, BatchQueries batchQueries)
    : Api.Programmes.ProgrammesBase
{
    public override async Task<Api.Programme> CreateProgramme(CreateProgrammeRequest request, ServerCallContext context)
    {
        ProgrammeMapping.Check(request.Programme).ThrowIfAny();
        return (await programmes.CreateAsync(request.Programme, context.Caller(), context.CancellationToken)).ToApi();
    }

    public override async Task<Api.Programme> UpdateProgramme(UpdateProgrammeRequest request, ServerCallContext context)
    {
        ProgrammeMapping.Check(request.Programme).ThrowIfAny();
        return (await programmes.UpdateAsync(request.Programme, context.Caller(), context.CancellationToken)).ToApi();
    }

    public override async Task<Api.Programme> GetProgramme(GetProgrammeRequest request, ServerCallContext context) =>
        (await programmeQueries.GetAsync(request.ProgrammeId, context.CancellationToken)).ToApi();

    public override async Task<ListProgrammesResponse> ListProgrammes(ListProgrammesRequest request, ServerCallContext context) =>
        new() { Programmes = { (await programmeQueries.ListAsync(context.CancellationToken)).Select(p => p.ToApi()) } };

    public override async Task<Api.Batch> CreateBatch(CreateBatchRequest request, ServerCallContext context)
    {
        BatchRules.Check(request.Batch).ThrowIfAny();
        return (await batches.CreateAsync(request.Batch, context.Caller(), context.CancellationToken)).ToApi(0);
    }

    public override async Task<Api.Batch> UpdateBatch(UpdateBatchRequest request, ServerCallContext context)
    {
        BatchRules.Check(request.Batch).ThrowIfAny();
        var (batch, seatsTaken) = await batches.UpdateAsync(request.Batch, context.Caller(), context.CancellationToken);
        return batch.ToApi(seatsTaken);
    }

    public override async Task<Api.Batch> GetBatch(GetBatchRequest request, ServerCallContext context)
    {
        var (batch, seatsTaken) = await batchQueries.GetAsync(request.BatchId, context.CancellationToken);
        return batch.ToApi(seatsTaken);
    }

    public override async Task<ListBatchesResponse> ListBatches(ListBatchesRequest request, ServerCallContext context) =>
        new() { Batches = { (await batchQueries.ListAsync(request.ProgrammeId, context.CancellationToken)).Select(b => b.Batch.ToApi(b.SeatsTaken)) } };

    public override async Task<Api.Batch> ChangeBatchStatus(ChangeBatchStatusRequest request, ServerCallContext context)
    {
        if (request.Status == Api.BatchStatus.Unspecified)
        {
            throw RpcErrors.InvalidArgument("status", "Required.");
        }
        var (batch, seatsTaken) = await batches.ChangeStatusAsync(request.BatchId, (BatchStatus)(int)request.Status, context.Caller(), context.CancellationToken);
        return batch.ToApi(seatsTaken);
    }
}
