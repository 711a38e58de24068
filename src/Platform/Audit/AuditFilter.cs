namespace Ksst.Platform.Audit;

/// <summary>
/// Which entries to read; every filter that is set must hold. <see cref="Batches"/> is a set so
/// that access control can narrow a caller to the batches they may see (an organiser's
/// programmes'): an entry of no batch never matches a batch filter.
/// </summary>
/// <param name="ResourceType">Only this resource type.</param>
/// <param name="ResourceId">Only this resource (with <paramref name="ResourceType"/>).</param>
/// <param name="Subject">Only this actor.</param>
/// <param name="Batches">Only resources of these batches; null for any (and those of none).</param>
/// <param name="Since">Only entries recorded at or after this time.</param>
/// <param name="Until">Only entries recorded before this time.</param>
public sealed record AuditFilter(
    string? ResourceType = null,
    string? ResourceId = null,
    string? Subject = null,
    IReadOnlyCollection<string>? Batches = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null);

/// <summary>A page of entries, newest first.</summary>
/// <param name="Entries">At most the page size.</param>
/// <param name="Next">Where the next (older) page starts, or null on the last page.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, AuditPosition? Next)
{
    /// <summary>The most entries one page holds.</summary>
    public const int MaxSize = 100;

    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultSize = 50;
}

/// <summary>A place in the log: entries before it (older) come next.</summary>
/// <param name="BeforeId">Entries with a smaller id than this.</param>
public sealed record AuditPosition(long BeforeId);
