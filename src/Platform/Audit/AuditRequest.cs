using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Audit.V1;

namespace Ksst.Platform.Audit;

/// <summary>Reads a ListAuditEntries request into a filter, naming every field that cannot be one.</summary>
internal static class AuditRequest
{
    /// <summary>The filter <paramref name="request"/> asks for; its mistakes go to <paramref name="violations"/>.</summary>
    public static AuditFilter Filter(Api.ListAuditEntriesRequest request, IReadOnlySet<string> resourceTypes, FieldViolations violations)
    {
        violations.AddIf(request.ResourceType.Length > 0 && !resourceTypes.Contains(request.ResourceType), "resource_type",
            $"Not a resource of this service; one of: {string.Join(", ", resourceTypes.Order(StringComparer.Ordinal))}.");
        violations.AddIf(request.ResourceId.Length > 0 && request.ResourceType.Length == 0, "resource_id",
            "Needs resource_type: ids are unique only within a type.");
        var since = request.Since?.ToDateTimeOffset();
        var until = request.Until?.ToDateTimeOffset();
        violations.AddIf(since is not null && until is not null && until <= since, "until", "Must be after since.");
        return new AuditFilter(
            NullIfEmpty(request.ResourceType),
            NullIfEmpty(request.ResourceId),
            NullIfEmpty(request.ActorSubject),
            request.BatchId.Length > 0 ? [request.BatchId] : null,
            since,
            until);
    }

    /// <summary>The page size asked for: 1 to <see cref="AuditPage.MaxSize"/>, 0 meaning <see cref="AuditPage.DefaultSize"/>.</summary>
    public static int PageSize(int requested, FieldViolations violations)
    {
        violations.AddIf(requested is < 0 or > AuditPage.MaxSize, "page_size", $"From 1 to {AuditPage.MaxSize}; 0 means {AuditPage.DefaultSize}.");
        return requested is > 0 and <= AuditPage.MaxSize ? requested : AuditPage.DefaultSize;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
