namespace Ksst.Contracts.Events;

/// <summary>The participant took part in the batch.</summary>
/// <param name="EventId">Unique per event; consumers de-duplicate on it.</param>
/// <param name="OccurredAt">When the change was stored (UTC).</param>
/// <param name="BatchId">The batch, e.g. "ksst-sme-2018".</param>
/// <param name="NominationId">The nomination in Registration.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of the nominating member country.</param>
/// <param name="PreferredLanguage">"en" or "id".</param>
/// <param name="Version">The nomination's version after this change (see <see cref="VersionOrder"/>).</param>
[IntegrationEvent("ksst.registration.participant-attended.v1")]
public sealed record ParticipantAttended(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string BatchId,
    Guid NominationId,
    string Country,
    string PreferredLanguage,
    long Version) : INominationEvent;
