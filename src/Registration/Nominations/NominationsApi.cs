using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Ksst.Registration.Data;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Registration.V1;

namespace Ksst.Registration.Nominations;

/// <summary>The Nominations gRPC service (also served as JSON through transcoding).</summary>
internal sealed class NominationsApi(RegistrationDbContext db, NominationCommands commands, NominationIntake intake) : Api.Nominations.NominationsBase
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;
    private const int MaxReasonLength = 500;

    public override async Task<Api.Nomination> Nominate(NominateRequest request, ServerCallContext context) =>
        (await intake.NominateAsync(request, context.CancellationToken)).ToApi();

    public override async Task<Api.Nomination> GetNomination(GetNominationRequest request, ServerCallContext context) =>
        (await FindAsync(request.NominationId, context)).ToApi();

    public override async Task<ListNominationsResponse> ListNominations(ListNominationsRequest request, ServerCallContext context)
    {
        new FieldViolations()
            .AddIf(string.IsNullOrWhiteSpace(request.BatchId), "batch_id", "Required.")
            .AddIf(request.PageSize is < 0 or > MaxPageSize, "page_size", $"Between 0 and {MaxPageSize}.")
            .ThrowIfAny();
        var offset = PageToken.Offset(request.PageToken);
        await EnsureBatchExistsAsync(request.BatchId, context);

        var query = db.Nominations.AsNoTracking().Where(n => n.BatchId == request.BatchId);
        if (request.Status != Api.NominationStatus.Unspecified)
        {
            var status = (NominationStatus)(int)request.Status;
            query = query.Where(n => n.Status == status);
        }
        if (request.Country.Length > 0)
        {
            query = query.Where(n => n.NominatingCountry == request.Country);
        }
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var page = await query.OrderBy(n => n.NominatedAt).ThenBy(n => n.Id).Skip(offset).Take(size + 1).ToListAsync(context.CancellationToken);
        return new ListNominationsResponse
        {
            Nominations = { page.Take(size).Select(n => n.ToApi()) },
            NextPageToken = page.Count > size ? PageToken.For(offset + size) : "",
        };
    }

    public override async Task<CountNominationsResponse> CountNominations(CountNominationsRequest request, ServerCallContext context)
    {
        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == request.BatchId, context.CancellationToken)
            ?? throw RpcErrors.NotFound("batch", request.BatchId);
        var rows = await db.Nominations.AsNoTracking()
            .Where(n => n.BatchId == request.BatchId)
            .GroupBy(n => new { n.NominatingCountry, n.Status })
            .Select(g => new { g.Key.NominatingCountry, g.Key.Status, Count = g.Count() })
            .ToListAsync(context.CancellationToken);
        return new CountNominationsResponse
        {
            Counts =
            {
                rows.OrderBy(r => r.NominatingCountry).ThenBy(r => r.Status).Select(r => new NominationCount
                {
                    Country = r.NominatingCountry, Status = (Api.NominationStatus)(int)r.Status, Count = r.Count,
                }),
            },
            Total = rows.Sum(r => r.Count),
            SeatsTaken = rows.Where(r => NominationLifecycle.HoldsSeat(r.Status)).Sum(r => r.Count),
            Capacity = batch.Capacity,
        };
    }

    public override Task<Api.Nomination> AcceptNomination(ChangeNominationRequest request, ServerCallContext context) =>
        ChangeAsync(request, NominationStatus.Accepted, context);

    public override Task<Api.Nomination> RejectNomination(ChangeNominationRequest request, ServerCallContext context) =>
        ChangeAsync(request, NominationStatus.Rejected, context);

    public override Task<Api.Nomination> ConfirmNomination(ChangeNominationRequest request, ServerCallContext context) =>
        ChangeAsync(request, NominationStatus.Confirmed, context);

    public override Task<Api.Nomination> RecordAttendance(ChangeNominationRequest request, ServerCallContext context) =>
        ChangeAsync(request, NominationStatus.Attended, context);

    public override Task<Api.Nomination> WithdrawNomination(ChangeNominationRequest request, ServerCallContext context) =>
        ChangeAsync(request, NominationStatus.Withdrawn, context);

    public override async Task<ParticipantContact> GetParticipantContact(GetParticipantContactRequest request, ServerCallContext context)
    {
        var n = await FindAsync(request.NominationId, context);
        return new ParticipantContact
        {
            NominationId = n.Id.ToString(),
            FullName = n.FullName,
            Email = n.Email,
            PreferredLanguage = n.PreferredLanguage,
            AgencyContactName = n.AgencyContactName,
            AgencyContactEmail = n.AgencyContactEmail,
        };
    }

    private async Task<Api.Nomination> ChangeAsync(ChangeNominationRequest request, NominationStatus target, ServerCallContext context)
    {
        var id = RequestFields.RequireId(request.NominationId, "nomination_id");
        if (request.Reason.Length > MaxReasonLength)
        {
            throw RpcErrors.InvalidArgument("reason", $"At most {MaxReasonLength} characters.");
        }
        return (await commands.ChangeAsync(id, target, request.Reason.Trim(), context.CancellationToken)).ToApi();
    }

    private async Task EnsureBatchExistsAsync(string batchId, ServerCallContext context)
    {
        if (!await db.Batches.AnyAsync(b => b.Id == batchId, context.CancellationToken))
        {
            throw RpcErrors.NotFound("batch", batchId);
        }
    }

    private async Task<Nomination> FindAsync(string nominationId, ServerCallContext context)
    {
        var id = RequestFields.RequireId(nominationId, "nomination_id");
        return await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("nomination", nominationId);
    }
}
