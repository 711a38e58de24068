using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Notifications.V1;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Notifications.V1;

namespace Ksst.Notifications;

/// <summary>The Notifications gRPC service; this part: session reminders.</summary>
internal sealed partial class NotificationsApi
{
    public override async Task<ListRemindersResponse> ListReminders(ListRemindersRequest request, ServerCallContext context)
    {
        var query = db.Reminders.AsNoTracking();
        if (request.SessionId.Length > 0)
        {
            var id = RequestFields.RequireId(request.SessionId, "session_id");
            query = query.Where(r => r.SessionId == id);
        }
        if (request.BatchId.Length > 0)
        {
            query = query.Where(r => r.BatchId == request.BatchId);
        }
        var reminders = await query.OrderBy(r => r.DueAt).Take(1000).ToListAsync(context.CancellationToken);
        return new ListRemindersResponse
        {
            Reminders =
            {
                reminders.Select(r => new Api.Reminder
                {
                    SessionId = r.SessionId.ToString(), BatchId = r.BatchId, Title = r.Title,
                    SessionStart = Timestamp.FromDateTimeOffset(r.Start), DueAt = Timestamp.FromDateTimeOffset(r.DueAt),
                    Status = r.Status.ToString(), Audience = r.Audience.Count,
                }),
            },
        };
    }
}
