using Google.Protobuf.WellKnownTypes;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Notifications.V1;

namespace Ksst.Notifications.Delivery;

/// <summary>Delivery log entries and their states as the API shows them.</summary>
internal static class DeliveryMapping
{
    /// <summary>The API's form of a delivery.</summary>
    public static Api.Delivery ToApi(this Delivery d) => new()
    {
        DeliveryId = d.Id.ToString(),
        EventId = d.EventId.ToString(),
        EventType = d.EventType,
        NominationId = d.NominationId?.ToString() ?? "",
        BatchId = d.BatchId,
        Channel = d.Channel,
        Status = d.Status.ToApi(),
        Attempts = d.Attempts,
        CreatedAt = Timestamp.FromDateTimeOffset(d.CreatedAt),
        SentAt = d.SentAt is { } sent ? Timestamp.FromDateTimeOffset(sent) : null,
        Language = d.Language,
        TraceId = d.TraceId ?? "",
        Recipient = d.Recipient,
        Template = d.Template,
        LastError = d.LastError ?? "",
        NextAttemptAt = NextAttemptOf(d),
        LastAttemptAt = d.LastAttemptAt is { } last ? Timestamp.FromDateTimeOffset(last) : null,
        ClaimedAt = d.ClaimedAt is { } claimed ? Timestamp.FromDateTimeOffset(claimed) : null,
    };

    /// <summary>When the next attempt is due: only for waiting deliveries.</summary>
    public static Timestamp? NextAttemptOf(IDeliveryState d) =>
        DeliveryLifecycle.Waiting.Contains(d.Status) ? Timestamp.FromDateTimeOffset(d.NextAttemptAt) : null;

    /// <summary>The API's form of a status (the same numbers).</summary>
    public static Api.DeliveryStatus ToApi(this DeliveryStatus status) => (Api.DeliveryStatus)(int)status;

    /// <summary>The status a request names in <paramref name="field"/>; none for UNSPECIFIED.</summary>
    public static DeliveryStatus? FromApi(Api.DeliveryStatus status, string field) => status switch
    {
        Api.DeliveryStatus.Unspecified => null,
        _ when System.Enum.IsDefined((DeliveryStatus)(int)status) => (DeliveryStatus)(int)status,
        _ => throw RpcErrors.InvalidArgument(field, "A DeliveryStatus."),
    };
}
