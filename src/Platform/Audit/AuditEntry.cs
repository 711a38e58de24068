namespace Ksst.Platform.Audit;

/// <summary>
/// One change of one row of a service's state, written in the same transaction as the change:
/// who made it, when, through which RPC, to which resource, and the changed fields before and
/// after (personal data and secrets masked). Entries are only ever added: the database refuses to
/// update or delete them (<see cref="AuditTriggers"/>).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the log: later entries have larger ids (newest first is by id, not by clock).</summary>
    public long Id { get; init; }

    /// <summary>When the change was saved, by the service's clock.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Who made it: the token's subject, or "service:&lt;name&gt;" for the service's own work.</summary>
    public required string ActorSubject { get; init; }

    /// <summary>The actor's role ("organiser", "agency", "participant", "ops", "service"), or "anonymous".</summary>
    public required string ActorRole { get; init; }

    /// <summary>The OAuth client the actor called with; the service's name for its own work.</summary>
    public required string ActorClientId { get; init; }

    /// <summary>The RPC's full method name, or what the service was doing (<see cref="AuditCause"/>).</summary>
    public required string Rpc { get; init; }

    /// <summary>The resource's type, e.g. "nomination" (<see cref="AuditedType.ResourceType"/>).</summary>
    public required string ResourceType { get; init; }

    /// <summary>The resource's key; parts of a composite key are joined with "/".</summary>
    public required string ResourceId { get; init; }

    /// <summary>The batch the resource belongs to, when it belongs to one.</summary>
    public string? BatchId { get; init; }

    /// <summary>Added, modified or deleted.</summary>
    public AuditChange Change { get; init; }

    /// <summary>The changed fields as they were (JSON object); null for an added resource.</summary>
    public string? Before { get; init; }

    /// <summary>The changed fields as they are now (JSON object); null for a deleted resource.</summary>
    public string? After { get; init; }
}

/// <summary>What happened to the resource.</summary>
public enum AuditChange
{
    /// <summary>It was created: every field is in <see cref="AuditEntry.After"/>.</summary>
    Added = 1,

    /// <summary>Some fields changed: those are in <see cref="AuditEntry.Before"/> and <see cref="AuditEntry.After"/>.</summary>
    Modified = 2,

    /// <summary>It was removed: every field is in <see cref="AuditEntry.Before"/>.</summary>
    Deleted = 3,
}
