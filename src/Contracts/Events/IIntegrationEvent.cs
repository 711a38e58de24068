namespace Ksst.Contracts.Events;

/// <summary>Every integration event carries its identity, the time it happened and the batch it is about.</summary>
public interface IIntegrationEvent
{
    /// <summary>Unique per event; consumers de-duplicate on it.</summary>
    Guid EventId { get; }

    /// <summary>When the state change happened (UTC).</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>The batch the change belongs to, e.g. "ksst-sme-2018" (a webhook subscription to one batch receives its events only).</summary>
    string BatchId { get; }
}
