using Grpc.Core;
using Ksst.Contracts.Events;
using Ksst.Contracts.Registration.V1;
using Ksst.Outbox;
using Ksst.Registration.Countries;
using Ksst.Registration.Data;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Registration.V1;

namespace Ksst.Registration.Nominations;

/// <summary>The Registration gRPC service (also served as JSON through transcoding).</summary>
internal sealed class NominationsApi(RegistrationDbContext db, TimeProvider clock) : Api.Registration.RegistrationBase
{
    public override async Task<Api.Nomination> Nominate(NominateRequest request, ServerCallContext context)
    {
        NominationRules.Check(request).ThrowIfAny();
        if (!await db.Batches.AnyAsync(b => b.Id == request.BatchId, context.CancellationToken))
        {
            throw RpcErrors.NotFound("batch", request.BatchId);
        }

        var person = request.Participant;
        var nomination = new Nomination
        {
            Id = Guid.CreateVersion7(),
            BatchId = request.BatchId,
            FullName = person.FullName.Trim(),
            Email = person.Email.Trim(),
            Nationality = person.Nationality,
            NominatingCountry = request.NominatingCountry,
            Organisation = person.Organisation.Trim(),
            Position = person.Position.Trim(),
            PreferredLanguage = person.PreferredLanguage.Length == 0 ? "en" : person.PreferredLanguage,
            NominatedAt = clock.GetUtcNow(),
        };
        db.Nominations.Add(nomination);
        db.AddEvent(new ParticipantNominated(
            Guid.CreateVersion7(), nomination.NominatedAt, nomination.BatchId, nomination.Id,
            nomination.NominatingCountry, nomination.PreferredLanguage));
        await db.SaveChangesAsync(context.CancellationToken); // nomination and event: one transaction
        return nomination.ToApi();
    }

    public override async Task<Api.Nomination> GetNomination(GetNominationRequest request, ServerCallContext context) =>
        (await FindAsync(request.NominationId, context)).ToApi();

    public override async Task<ListNominationsResponse> ListNominations(ListNominationsRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.BatchId))
        {
            throw RpcErrors.InvalidArgument("batch_id", "Required.");
        }
        if (!await db.Batches.AnyAsync(b => b.Id == request.BatchId, context.CancellationToken))
        {
            throw RpcErrors.NotFound("batch", request.BatchId);
        }
        var nominations = await db.Nominations.AsNoTracking()
            .Where(n => n.BatchId == request.BatchId)
            .OrderBy(n => n.NominatedAt)
            .ToListAsync(context.CancellationToken);
        return new ListNominationsResponse { Nominations = { nominations.Select(n => n.ToApi()) } };
    }

    public override async Task<ParticipantContact> GetParticipantContact(GetParticipantContactRequest request, ServerCallContext context)
    {
        var n = await FindAsync(request.NominationId, context);
        return new ParticipantContact
        {
            NominationId = n.Id.ToString(),
            FullName = n.FullName,
            Email = n.Email,
            PreferredLanguage = n.PreferredLanguage,
        };
    }

    public override Task<ListMemberCountriesResponse> ListMemberCountries(ListMemberCountriesRequest request, ServerCallContext context) =>
        Task.FromResult(new ListMemberCountriesResponse
        {
            Countries = { ColomboPlanMembers.All.OrderBy(c => c.Value).Select(c => new MemberCountry { Code = c.Key, Name = c.Value }) },
        });

    private async Task<Nomination> FindAsync(string nominationId, ServerCallContext context)
    {
        var id = RequestFields.RequireId(nominationId, "nomination_id");
        return await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("nomination", nominationId);
    }
}
