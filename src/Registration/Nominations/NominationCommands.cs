using System.Diagnostics;
using Ksst.Contracts.Registration.V1;
using Ksst.Platform.Outbox;
using Ksst.Platform.Sqlite;
using Ksst.Registration.Batches;
using Ksst.Registration.Data;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Batch = Ksst.Registration.Batches.Batch;
using BatchStatus = Ksst.Registration.Batches.BatchStatus;

namespace Ksst.Registration.Nominations;

/// <summary>
/// Every change to an existing nomination (new ones arrive through <see cref="NominationIntake"/>).
/// Each runs in one unit of work (the process's write lock and one IMMEDIATE transaction), so capacity
/// and quota checks see no concurrent writer; the nomination changes and their events commit together.
/// </summary>
internal sealed class NominationCommands(RegistrationDbContext db, UnitOfWork<RegistrationDbContext> unitOfWork, TimeProvider clock)
{
    /// <summary>
    /// Moves a nomination to <paramref name="target"/>. Accepting without a free seat or quota
    /// waitlists instead; a freed seat promotes the oldest waitlisted nomination that fits. A
    /// nomination <paramref name="caller"/> may not see is NOT_FOUND.
    /// </summary>
    public Task<Nomination> ChangeAsync(Guid nominationId, NominationStatus target, string reason, Caller caller, CancellationToken ct) =>
        unitOfWork.RunAsync(_ => MoveAsync(nominationId, target, reason, caller, ct), ct);

    private async Task<Nomination> MoveAsync(Guid nominationId, NominationStatus target, string reason, Caller caller, CancellationToken ct)
    {
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == nominationId, ct);
        var batch = nomination is null ? null : await FindBatchAsync(nomination.BatchId, ct);
        if (nomination is null || batch is null || !NominationAccess.Sees(caller, nomination, batch.ProgrammeId))
        {
            throw RpcErrors.NotFound("nomination", nominationId.ToString());
        }
        EnsureDecisionsAllowed(batch, target);
        if (!NominationLifecycle.CanMove(nomination.Status, target))
        {
            throw RpcErrors.FailedPrecondition("NOMINATION_STATUS", $"nominations/{nomination.Id}",
                $"The nomination is {nomination.Status}; it cannot become {target}.");
        }

        var now = clock.GetUtcNow();
        var heldSeat = NominationLifecycle.HoldsSeat(nomination.Status);
        if (target == NominationStatus.Accepted && !(await LoadAdmissionAsync(db, batch, ct)).HasRoomFor(nomination.NominatingCountry))
        {
            if (nomination.Status == NominationStatus.Waitlisted)
            {
                throw RpcErrors.FailedPrecondition("NO_SEAT", $"batches/{batch.Id}",
                    $"No seat is free for {nomination.NominatingCountry} in batch {batch.Id} (capacity {batch.Capacity}, quota {batch.CountryQuota}); the nomination stays Waitlisted.");
            }
            target = NominationStatus.Waitlisted;
        }
        Move(db, nomination, target, reason, now);

        if (heldSeat && !NominationLifecycle.HoldsSeat(target))
        {
            await db.SaveChangesAsync(ct);
            await PromoteFromWaitlistAsync(batch, now, ct);
        }
        return nomination;
    }

    private async Task PromoteFromWaitlistAsync(Batch batch, DateTimeOffset now, CancellationToken ct)
    {
        var admission = await LoadAdmissionAsync(db, batch, ct);
        var waitlist = await db.Nominations
            .Where(n => n.BatchId == batch.Id && n.Status == NominationStatus.Waitlisted)
            .OrderBy(n => n.NominatedAt).ThenBy(n => n.Id)
            .ToListAsync(ct);
        foreach (var promoted in admission.Promote(waitlist))
        {
            Move(db, promoted, NominationStatus.Accepted, "Promoted from the waitlist.", now, promoted: true);
        }
    }

    /// <summary>
    /// Moves <paramref name="nomination"/> to <paramref name="target"/> as its next version and
    /// stages the event that says so: the one place a nomination's status and version change.
    /// </summary>
    internal static void Move(RegistrationDbContext db, Nomination nomination, NominationStatus target, string reason, DateTimeOffset now, bool promoted = false, Activity? trace = null)
    {
        nomination.Version++;
        nomination.Status = target;
        nomination.StatusChangedAt = now;
        nomination.StatusReason = reason;
        db.AddEvent(NominationEvents.For(nomination, now, promoted), trace ?? Activity.Current);
    }

    /// <summary>The batch's seats as stored: callers save staged seat changes first.</summary>
    internal static async Task<Admission> LoadAdmissionAsync(RegistrationDbContext db, Batch batch, CancellationToken ct)
    {
        var nominations = await db.Nominations
            .Where(n => n.BatchId == batch.Id)
            .Select(n => new { n.Status, n.NominatingCountry })
            .ToListAsync(ct);
        return new Admission(batch.Capacity, batch.CountryQuota, nominations.Select(n => (n.Status, n.NominatingCountry)));
    }

    private async Task<Batch> FindBatchAsync(string batchId, CancellationToken ct) =>
        await db.Batches.SingleOrDefaultAsync(b => b.Id == batchId, ct) ?? throw RpcErrors.NotFound("batch", batchId);

    /// <summary>Refuses nominations to a batch that is not open or whose deadline passed.</summary>
    internal static void EnsureTakingNominations(Batch batch, DateTimeOffset now)
    {
        if (batch.Status != BatchStatus.Open)
        {
            throw RpcErrors.FailedPrecondition("BATCH_NOT_OPEN", $"batches/{batch.Id}", $"Batch {batch.Id} is {batch.Status}; it takes nominations only while Open.");
        }
        if (now > batch.NominationDeadline)
        {
            throw RpcErrors.FailedPrecondition("DEADLINE_PASSED", $"batches/{batch.Id}", $"The nomination deadline of batch {batch.Id} passed at {batch.NominationDeadline:u}.");
        }
    }

    private static void EnsureDecisionsAllowed(Batch batch, NominationStatus target)
    {
        if (batch.Status is BatchStatus.Draft or BatchStatus.Completed)
        {
            throw RpcErrors.FailedPrecondition("BATCH_STATUS", $"batches/{batch.Id}", $"Batch {batch.Id} is {batch.Status}; its nominations cannot change.");
        }
        if (target == NominationStatus.Attended && batch.Status != BatchStatus.Running)
        {
            throw RpcErrors.FailedPrecondition("BATCH_STATUS", $"batches/{batch.Id}", $"Batch {batch.Id} is {batch.Status}; attendance is recorded while it is Running.");
        }
    }
}
