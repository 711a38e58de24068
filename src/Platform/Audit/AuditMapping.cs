using Google.Protobuf.WellKnownTypes;
using Api = Ksst.Contracts.Audit.V1;

namespace Ksst.Platform.Audit;

/// <summary>Stored entries as the API shows them.</summary>
internal static class AuditMapping
{
    /// <summary>The API's form of <paramref name="entry"/>; its before and after JSON become objects.</summary>
    public static Api.AuditEntry ToApi(AuditEntry entry)
    {
        var api = new Api.AuditEntry
        {
            Sequence = entry.Id,
            RecordedAt = Timestamp.FromDateTimeOffset(entry.At),
            Actor = new Api.Actor { Subject = entry.ActorSubject, Role = entry.ActorRole, ClientId = entry.ActorClientId },
            Rpc = entry.Rpc,
            Resource = new Api.Resource { Type = entry.ResourceType, Id = entry.ResourceId },
            BatchId = entry.BatchId ?? "",
            Change = entry.Change switch
            {
                AuditChange.Added => Api.AuditChange.Added,
                AuditChange.Modified => Api.AuditChange.Modified,
                AuditChange.Deleted => Api.AuditChange.Deleted,
                _ => Api.AuditChange.Unspecified,
            },
        };
        if (entry.Before is { } before)
        {
            api.Before = Struct.Parser.ParseJson(before);
        }
        if (entry.After is { } after)
        {
            api.After = Struct.Parser.ParseJson(after);
        }
        return api;
    }
}
