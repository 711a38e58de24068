using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ksst.Platform.Audit;

/// <summary>
/// How the rows of one entity type enter the audit log: the resource type they are recorded as,
/// their key, their batch, and their fields with the masked ones marked. Platform rows (outbox,
/// inbox, the audit log itself) are not audited: they are the machinery, not the service's state.
/// </summary>
internal sealed class AuditedType
{
    private static readonly HashSet<Type> PlatformRows = [typeof(OutboxMessage), typeof(ProcessedMessage), typeof(AuditEntry)];
    // Weak: a model (and its types) lives as long as the contexts that use it, in tests many of them.
    private static readonly ConditionalWeakTable<IEntityType, StrongBox<AuditedType?>> Known = new();

    private AuditedType(IEntityType type)
    {
        ResourceType = ResourceTypeOf(type.ClrType);
        Key = type.FindPrimaryKey()?.Properties ?? throw new InvalidOperationException($"{type.DisplayName()} has no key; the audit log cannot name its rows.");
        Batch = type.GetProperties().FirstOrDefault(p => p.PropertyInfo?.IsDefined(typeof(AuditBatchAttribute), inherit: true) == true)
            ?? type.FindProperty("BatchId");
        Fields = [.. type.GetProperties().Select(p => new AuditedField(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            p.PropertyInfo?.IsDefined(typeof(MaskedInAuditAttribute), inherit: true) == true))];
    }

    /// <summary>The resource type, the CLR name in kebab case: "nomination", "webhook-subscription".</summary>
    public string ResourceType { get; }

    /// <summary>The key's properties, in order.</summary>
    public IReadOnlyList<IProperty> Key { get; }

    /// <summary>The property naming the row's batch, if it has one.</summary>
    public IProperty? Batch { get; }

    /// <summary>Every mapped property.</summary>
    public IReadOnlyList<AuditedField> Fields { get; }

    /// <summary>How <paramref name="type"/>'s rows are audited; null for platform rows.</summary>
    public static AuditedType? Of(IEntityType type) =>
        Known.GetValue(type, static t => new(PlatformRows.Contains(t.ClrType) || t.IsOwned() ? null : new AuditedType(t))).Value;

    /// <summary>The audited resource types of <paramref name="model"/>, by name.</summary>
    public static IReadOnlySet<string> ResourceTypesOf(IModel model) =>
        model.GetEntityTypes().Select(Of).OfType<AuditedType>().Select(t => t.ResourceType).ToHashSet(StringComparer.Ordinal);

    /// <summary>"RosterEntry" → "roster-entry".</summary>
    public static string ResourceTypeOf(Type clrType)
    {
        var name = clrType.Name;
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}

/// <summary>A property as the audit log records it.</summary>
/// <param name="Property">The mapped property.</param>
/// <param name="Name">Its name in entries (lower camel case).</param>
/// <param name="Masked">True when its value is never recorded (<see cref="MaskedInAuditAttribute"/>).</param>
internal sealed record AuditedField(IProperty Property, string Name, bool Masked);
