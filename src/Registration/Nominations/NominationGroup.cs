using Grpc.Core;
using Ksst.Platform.Audit;
using Ksst.Platform.Outbox;
using Ksst.Registration.Data;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Batch = Ksst.Registration.Batches.Batch;

namespace Ksst.Registration.Nominations;

/// <summary>
/// Stages a group of nominations in one unit of work, each checked as if it were alone: the batch
/// takes nominations, the request fits the batch, no passport or email repeats in the batch
/// (among stored nominations and earlier ones of the group), a repeated request id returns its
/// first nomination, and batches that admit on arrival give seats in order of arrival.
/// Refusals are answered at once; the caller commits the rest and answers them.
/// </summary>
internal sealed class NominationGroup(RegistrationDbContext db, DateTimeOffset now)
{
    private readonly HashSet<(string Batch, string Passport)> _passports = [];
    private readonly HashSet<(string Batch, string Email)> _emails = [];
    private readonly Dictionary<string, Nomination> _byRequestId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Admission> _admissions = new(StringComparer.Ordinal);
    private int _position;

    /// <summary>Stages what can be stored; returns those nominations with their callers.</summary>
    public async Task<IReadOnlyList<(PendingNomination Pending, Nomination Nomination)>> StageAsync(IReadOnlyList<PendingNomination> group, CancellationToken ct)
    {
        var batchIds = group.Select(p => p.Request.BatchId).Distinct().ToList();
        var batches = await db.Batches.Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var requestIds = group.Select(p => p.Request.RequestId).Where(r => r.Length > 0).Distinct().ToList();
        if (requestIds.Count > 0)
        {
            foreach (var earlier in await db.Nominations.Where(n => n.RequestId != null && requestIds.Contains(n.RequestId)).ToListAsync(ct))
            {
                _byRequestId[earlier.RequestId!] = earlier;
            }
        }
        await LoadTakenAsync(group, ct);

        var staged = new List<(PendingNomination, Nomination)>();
        foreach (var pending in group)
        {
            try
            {
                staged.Add((pending, await StageAsync(pending, batches, ct)));
            }
            catch (RpcException refused)
            {
                pending.Outcome.TrySetException(refused);
            }
        }
        return staged;
    }

    private async Task<Nomination> StageAsync(PendingNomination pending, Dictionary<string, Batch> batches, CancellationToken ct)
    {
        var request = pending.Request;
        if (request.RequestId.Length > 0 && _byRequestId.TryGetValue(request.RequestId, out var first))
        {
            return first.BatchId == request.BatchId
                ? first
                : throw RpcErrors.AlreadyExists("request", request.RequestId, $"request_id '{request.RequestId}' was already used for batch {first.BatchId}.");
        }
        var batch = batches.GetValueOrDefault(request.BatchId) ?? throw RpcErrors.NotFound("batch", request.BatchId);
        NominationCommands.EnsureTakingNominations(batch, now);
        new FieldViolations().CheckAgainst(request, batch).ThrowIfAny();

        // One tick apart in order of arrival, so "oldest first" (the waitlist) keeps that order.
        var at = now.AddTicks(_position++);
        var nomination = NominationFactory.Create(request, at);
        if (!_passports.Add((nomination.BatchId, nomination.PassportNumber)))
        {
            throw RpcErrors.AlreadyExists("nomination", $"batches/{nomination.BatchId}/passport", "A nomination with this passport number already exists in the batch.");
        }
        if (!_emails.Add((nomination.BatchId, nomination.Email)))
        {
            _passports.Remove((nomination.BatchId, nomination.PassportNumber));
            throw RpcErrors.AlreadyExists("nomination", $"batches/{nomination.BatchId}/email", "A nomination with this email address already exists in the batch.");
        }
        if (nomination.RequestId is { } requestId)
        {
            _byRequestId[requestId] = nomination;
        }

        // The event carries the caller's trace, so the flow stays one trace past the group commit.
        db.Nominations.Add(nomination);
        db.AuditAs(nomination, pending.Actor);
        db.AddEvent(NominationEvents.For(nomination, at), pending.Caller);
        if (batch.AdmitOnArrival)
        {
            var admission = await AdmissionOfAsync(batch, ct);
            var admitted = admission.HasRoomFor(nomination.NominatingCountry);
            if (admitted)
            {
                admission.Take(nomination.NominatingCountry);
            }
            NominationCommands.Move(db, nomination, admitted ? NominationStatus.Accepted : NominationStatus.Waitlisted, "", at, trace: pending.Caller);
        }
        return nomination;
    }

    /// <summary>Passports and emails of the group already stored in their batches, in one query.</summary>
    private async Task LoadTakenAsync(IReadOnlyList<PendingNomination> group, CancellationToken ct)
    {
        var batchIds = group.Select(p => p.Request.BatchId).Distinct().ToList();
        var passports = group.Select(p => NominationFactory.NormalisePassport(p.Request.Participant.PassportNumber)).Distinct().ToList();
        var emails = group.Select(p => NominationFactory.NormaliseEmail(p.Request.Participant.Email)).Distinct().ToList();
        var taken = await db.Nominations.AsNoTracking()
            .Where(n => batchIds.Contains(n.BatchId) && (passports.Contains(n.PassportNumber) || emails.Contains(n.Email)))
            .Select(n => new { n.BatchId, n.PassportNumber, n.Email })
            .ToListAsync(ct);
        foreach (var n in taken)
        {
            _passports.Add((n.BatchId, n.PassportNumber));
            _emails.Add((n.BatchId, n.Email));
        }
    }

    private async Task<Admission> AdmissionOfAsync(Batch batch, CancellationToken ct)
    {
        if (!_admissions.TryGetValue(batch.Id, out var admission))
        {
            _admissions[batch.Id] = admission = await NominationCommands.LoadAdmissionAsync(db, batch, ct);
        }
        return admission;
    }
}
