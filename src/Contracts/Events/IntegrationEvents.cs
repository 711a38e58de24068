using System.Reflection;

namespace Ksst.Contracts.Events;

/// <summary>The catalogue of integration events and the exchange each is published on.</summary>
public static class IntegrationEvents
{
    /// <summary>Every event record, by its exchange name (e.g. "ksst.registration.participant-accepted.v1").</summary>
    public static IReadOnlyDictionary<string, Type> ByExchange { get; } = typeof(IIntegrationEvent).Assembly
        .GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .ToDictionary(t => ExchangeOf(t), StringComparer.Ordinal);

    /// <summary>The exchange <paramref name="eventType"/> is published on.</summary>
    public static string ExchangeOf(Type eventType) =>
        eventType.GetCustomAttribute<IntegrationEventAttribute>()?.Exchange
        ?? throw new InvalidOperationException($"{eventType.Name} has no [IntegrationEvent] exchange.");
}
