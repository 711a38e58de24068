using System.Diagnostics.CodeAnalysis;
using Ksst.Contracts.Events;

namespace Ksst.Platform.Messaging;

/// <summary>Resolves stored type names to the integration event contracts.</summary>
internal static class EventTypes
{
    private static readonly Dictionary<string, Type> ByName = IntegrationEvents.ByExchange.Values
        .ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    /// <summary>The contract named <paramref name="name"/> (a full type name), if this version knows it.</summary>
    public static bool TryResolve(string name, [NotNullWhen(true)] out Type? type) => ByName.TryGetValue(name, out type);
}
