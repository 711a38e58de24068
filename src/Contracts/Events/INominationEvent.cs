namespace Ksst.Contracts.Events;

/// <summary>
/// What every nomination event carries. No personal data: a subscriber that must write to the
/// participant asks Registration's GetParticipantContact.
/// </summary>
public interface INominationEvent : IIntegrationEvent
{
    /// <summary>The nomination in Registration.</summary>
    Guid NominationId { get; }

    /// <summary>ISO 3166-1 alpha-2 code of the nominating member country.</summary>
    string Country { get; }

    /// <summary>The participant's preferred language: "en" or "id".</summary>
    string PreferredLanguage { get; }

    /// <summary>
    /// The nomination's version after this change: 1 when it was nominated, one more at each
    /// change of its status. Apply a nomination's events by it (<see cref="VersionOrder"/>), not by <see cref="IIntegrationEvent.OccurredAt"/>.
    /// </summary>
    long Version { get; }
}
