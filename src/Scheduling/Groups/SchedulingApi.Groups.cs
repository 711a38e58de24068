using Grpc.Core;
using Ksst.Contracts.Scheduling.V1;
using Ksst.Scheduling.Groups;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling;

/// <summary>The Scheduling gRPC service; this part: groups for rotations.</summary>
internal sealed partial class SchedulingApi
{
    public override async Task<ListGroupsResponse> SplitIntoGroups(SplitIntoGroupsRequest request, ServerCallContext context)
    {
        new FieldViolations()
            .AddIf(string.IsNullOrWhiteSpace(request.BatchId), "batch_id", "Required.")
            .AddIf(request.GroupCount is < 1 or > GroupBalancer.MaxGroups, "group_count", $"Between 1 and {GroupBalancer.MaxGroups}.")
            .ThrowIfAny();
        await OrganisesAsync(request.BatchId, context);
        await groups.SplitAsync(request.BatchId, request.GroupCount, context.CancellationToken);
        return await GroupsOfAsync(request.BatchId, context.CancellationToken);
    }

    public override async Task<ListGroupsResponse> ListGroups(ListGroupsRequest request, ServerCallContext context)
    {
        RequireBatchId(request.BatchId);
        await OrganisesAsync(request.BatchId, context);
        return await GroupsOfAsync(request.BatchId, context.CancellationToken);
    }

    public override async Task<ListGroupsResponse> AssignToGroup(AssignToGroupRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations().AddIf(string.IsNullOrWhiteSpace(request.BatchId), "batch_id", "Required.");
        var nominationId = RequestFields.RequireId(request.NominationId, "nomination_id", violations);
        await OrganisesAsync(request.BatchId, context);
        await groups.AssignAsync(request.BatchId, nominationId, request.Group.Trim(), context.CancellationToken);
        return await GroupsOfAsync(request.BatchId, context.CancellationToken);
    }

    private async Task<ListGroupsResponse> GroupsOfAsync(string batchId, CancellationToken ct) => new()
    {
        Groups =
        {
            (await groupQueries.GroupsAsync(batchId, ct)).Select(g => new Api.Group
            {
                BatchId = batchId,
                Name = g.Name,
                NominationIds = { g.Members.Select(m => m.NominationId.ToString()) },
                Countries = { g.Members.GroupBy(m => m.Country).ToDictionary(c => c.Key, c => c.Count()) },
            }),
        },
    };
}
