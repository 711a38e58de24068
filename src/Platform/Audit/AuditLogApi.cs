using Grpc.Core;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Audit.V1;

namespace Ksst.Platform.Audit;

/// <summary>The audit log over gRPC (and JSON): a thin adapter over <see cref="AuditQueries{TContext}"/>.</summary>
internal sealed class AuditLogApi<TContext>(AuditQueries<TContext> queries, IBatchOrganiserCheck organisers) : Api.AuditLog.AuditLogBase
    where TContext : DbContext
{
    public override async Task<Api.ListAuditEntriesResponse> ListAuditEntries(Api.ListAuditEntriesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var filter = AuditRequest.Filter(request, queries.ResourceTypes, violations);
        var pageSize = AuditRequest.PageSize(request.PageSize, violations);
        var from = AuditPageToken.Read(request.PageToken, "page_token", violations);
        violations.ThrowIfAny();
        await AuditAccess.CheckAsync(context.Caller(), request.BatchId, organisers, context.CancellationToken);

        var page = await queries.ListAsync(filter, pageSize, from, context.CancellationToken);
        return new Api.ListAuditEntriesResponse
        {
            Entries = { page.Entries.Select(AuditMapping.ToApi) },
            NextPageToken = AuditPageToken.For(page.Next),
        };
    }
}
