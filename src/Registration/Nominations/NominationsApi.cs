using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Registration.V1;

namespace Ksst.Registration.Nominations;

/// <summary>The Nominations gRPC service (also served as JSON through transcoding).</summary>
internal sealed class NominationsApi(NominationQueries queries, NominationCommands commands, NominationIntake intake) : Api.Nominations.NominationsBase
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;
    private const int MaxReasonLength = 500;

    public override async Task<Api.Nomination> Nominate(NominateRequest request, ServerCallContext context)
    {
        await queries.CheckMayNominateAsync(context.Caller(), request.BatchId, request.NominatingCountry, context.CancellationToken);
        return (await intake.NominateAsync(request, context.CancellationToken)).ToApi();
    }

    public override async Task<Api.Nomination> GetNomination(GetNominationRequest request, ServerCallContext context) =>
        (await FindAsync(request.NominationId, context)).ToApi();

    public override async Task<ListNominationsResponse> ListNominations(ListNominationsRequest request, ServerCallContext context)
    {
        new FieldViolations()
            .AddIf(string.IsNullOrWhiteSpace(request.BatchId), "batch_id", "Required.")
            .AddIf(request.PageSize is < 0 or > MaxPageSize, "page_size", $"Between 0 and {MaxPageSize}.")
            .ThrowIfAny();
        var offset = PageToken.Offset(request.PageToken);
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var status = request.Status == Api.NominationStatus.Unspecified ? (NominationStatus?)null : (NominationStatus)(int)request.Status;
        var page = await queries.PageAsync(request.BatchId, status, request.Country, offset, size, context.Caller(), context.CancellationToken);
        return new ListNominationsResponse
        {
            Nominations = { page.Take(size).Select(n => n.ToApi()) },
            NextPageToken = page.Count > size ? PageToken.For(offset + size) : "",
        };
    }

    public override async Task<CountNominationsResponse> CountNominations(CountNominationsRequest request, ServerCallContext context)
    {
        var (batch, rows) = await queries.CountAsync(request.BatchId, context.Caller(), context.CancellationToken);
        return new CountNominationsResponse
        {
            Counts =
            {
                rows.Select(r => new NominationCount { Country = r.Country, Status = (Api.NominationStatus)(int)r.Status, Count = r.Count }),
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
        return (await commands.ChangeAsync(id, target, request.Reason.Trim(), context.Caller(), context.CancellationToken)).ToApi();
    }

    private Task<Nomination> FindAsync(string nominationId, ServerCallContext context) =>
        queries.GetAsync(RequestFields.RequireId(nominationId, "nomination_id"), context.Caller(), context.CancellationToken);
}
