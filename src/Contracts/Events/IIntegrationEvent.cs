namespace Ksst.Contracts.Events;

/// <summary>Every integration event carries its identity and the time it happened.</summary>
public interface IIntegrationEvent
{
    /// <summary>Unique per event; consumers de-duplicate on it.</summary>
    Guid EventId { get; }

    /// <summary>When the state change happened (UTC).</summary>
    DateTimeOffset OccurredAt { get; }
}
