namespace Ksst.Contracts.Events;

/// <summary>A batch stopped taking nominations.</summary>
/// <param name="EventId">Unique per event; consumers de-duplicate on it.</param>
/// <param name="OccurredAt">When the batch closed (UTC).</param>
/// <param name="BatchId">The batch, e.g. "ksst-sme-2018".</param>
/// <param name="ProgrammeId">Its programme, e.g. "ksst-sme".</param>
/// <param name="Number">The batch's number within the programme.</param>
[IntegrationEvent("ksst.registration.batch-closed.v1")]
public sealed record BatchClosed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string BatchId,
    string ProgrammeId,
    int Number) : IIntegrationEvent;
