namespace Ksst.Platform.Audit;

/// <summary>
/// A property whose value never enters the audit log: an entry shows that it was set or changed
/// ("***"), not what it holds. The log is append-only and kept, so what must be erasable or kept
/// secret cannot be in it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public abstract class MaskedInAuditAttribute : Attribute;

/// <summary>
/// Personal data of a person (a participant or an agency's contact): identifiers such as the
/// passport number, contact details, the name, health-related needs. Masked in the audit log.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class PersonalDataAttribute : MaskedInAuditAttribute;

/// <summary>A credential (a signing secret); masked in the audit log.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class SecretAttribute : MaskedInAuditAttribute;

/// <summary>
/// The property holding the batch a row belongs to, for a row whose batch is not its BatchId
/// property (a batch's own Id): entries of the row are found by the audit log's batch filter.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class AuditBatchAttribute : Attribute;
