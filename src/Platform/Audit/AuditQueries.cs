using Microsoft.EntityFrameworkCore;

namespace Ksst.Platform.Audit;

/// <summary>Reads the audit log of <typeparamref name="TContext"/>: filtered, newest first, in pages that stay stable while entries are added.</summary>
public sealed class AuditQueries<TContext>(TContext db) where TContext : DbContext
{
    /// <summary>The resource types this service's log can hold (<see cref="AuditFilter.ResourceType"/>).</summary>
    public IReadOnlySet<string> ResourceTypes => AuditedType.ResourceTypesOf(db.Model);

    /// <summary>
    /// Up to <paramref name="pageSize"/> entries matching <paramref name="filter"/>, newest first,
    /// from <paramref name="from"/> (null: the newest). Pages are by position in the log, not by
    /// offset, so entries added meanwhile neither repeat nor hide older ones.
    /// </summary>
    public async Task<AuditPage> ListAsync(AuditFilter filter, int pageSize, AuditPosition? from, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, AuditPage.MaxSize);
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (filter.ResourceType is { } type)
        {
            entries = entries.Where(e => e.ResourceType == type);
        }
        if (filter.ResourceId is { } id)
        {
            entries = entries.Where(e => e.ResourceId == id);
        }
        if (filter.Subject is { } subject)
        {
            entries = entries.Where(e => e.ActorSubject == subject);
        }
        if (filter.Batches is { } batches)
        {
            var ids = batches.ToList();
            entries = entries.Where(e => e.BatchId != null && ids.Contains(e.BatchId));
        }
        if (filter.Since is { } since)
        {
            entries = entries.Where(e => e.At >= since);
        }
        if (filter.Until is { } until)
        {
            entries = entries.Where(e => e.At < until);
        }
        if (from is { } position)
        {
            entries = entries.Where(e => e.Id < position.BeforeId);
        }
        var page = await entries.OrderByDescending(e => e.Id).Take(pageSize + 1).ToListAsync(ct);
        return page.Count > pageSize
            ? new AuditPage(page.GetRange(0, pageSize), new AuditPosition(page[pageSize - 1].Id))
            : new AuditPage(page, null);
    }
}
