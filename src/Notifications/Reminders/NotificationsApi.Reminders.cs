using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Notifications.V1;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Notifications.V1;

using Ksst.ServiceDefaults.Access;

namespace Ksst.Notifications;

/// <summary>The Notifications gRPC service; this part: session reminders.</summary>
internal sealed partial class NotificationsApi
{
    public override async Task<ListRemindersResponse> ListReminders(ListRemindersRequest request, ServerCallContext context)
    {
        Guid? sessionId = request.SessionId.Length > 0 ? RequestFields.RequireId(request.SessionId, "session_id") : null;
        var batchId = request.BatchId.Length > 0 ? request.BatchId : null;
        await access.CheckBatchAsync(context.Caller(), batchId, context.CancellationToken);
        var listed = await reminders.ListAsync(sessionId, batchId, context.CancellationToken);
        return new ListRemindersResponse
        {
            Reminders =
            {
                listed.Select(r => new Api.Reminder
                {
                    SessionId = r.SessionId.ToString(), BatchId = r.BatchId, Title = r.Title,
                    SessionStart = Timestamp.FromDateTimeOffset(r.Start), DueAt = Timestamp.FromDateTimeOffset(r.DueAt),
                    Status = r.Status.ToString(), Audience = r.Audience.Count,
                }),
            },
        };
    }
}
