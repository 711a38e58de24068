using Ksst.Registration.Data;
using Ksst.ServiceDefaults.Access;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Registration.Batches;

/// <summary>Whether a caller organises a batch's programme, from Registration's own batches (the other services ask Registration).</summary>
internal sealed class LocalBatchOrganisers(RegistrationDbContext db) : IBatchOrganiserCheck
{
    public async Task CheckAsync(Caller caller, string batchId, CancellationToken ct)
    {
        var batch = await BatchQueries.FindAsync(db.Batches.AsNoTracking(), batchId, ct);
        caller.CheckOrganises(batch.ProgrammeId, $"for batch '{batchId}'");
    }
}
