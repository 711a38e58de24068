namespace Ksst.Contracts.Events;

/// <summary>A batch started taking nominations.</summary>
/// <param name="EventId">Unique per event; consumers de-duplicate on it.</param>
/// <param name="OccurredAt">When the batch opened (UTC).</param>
/// <param name="BatchId">The batch, e.g. "ksst-sme-2018".</param>
/// <param name="ProgrammeId">Its programme, e.g. "ksst-sme".</param>
/// <param name="Number">The batch's number within the programme.</param>
/// <param name="NominationDeadline">Nominations are taken until then (UTC).</param>
[IntegrationEvent("ksst.registration.batch-opened.v1")]
public sealed record BatchOpened(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string BatchId,
    string ProgrammeId,
    int Number,
    DateTimeOffset NominationDeadline) : IIntegrationEvent;
