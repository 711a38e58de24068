using Ksst.Platform.Audit;
using Ksst.ServiceDefaults.Access;
using Api = Ksst.Contracts.Notifications.V1;
using static Ksst.ServiceDefaults.Access.Role;

namespace Ksst.Notifications.Access;

/// <summary>
/// Who may call each of Notifications' RPCs: a batch's deliveries and reminders are its
/// organisers' and visible to operators (the log holds no addresses); a participant lists their
/// own deliveries; webhook subscriptions receive every batch's events, so only organisers of
/// every programme manage them, and operators may look at them (<see cref="DeliveryAccess"/>).
/// </summary>
internal static class NotificationsAccess
{
    public static AccessTable Table { get; } = new AccessTable()
        .For(Api.Notifications.Descriptor,
            ("ListDeliveries", RpcAccess.For(Organiser, Participant, Ops)),
            ("ResendDelivery", RpcAccess.For(Organiser, Ops)),
            ("ListReminders", RpcAccess.For(Organiser, Ops)),
            ("CreateWebhookSubscription", RpcAccess.For(Organiser)),
            ("ListWebhookSubscriptions", RpcAccess.For(Organiser, Ops)),
            ("DeleteWebhookSubscription", RpcAccess.For(Organiser)),
            ("ListWebhookDeliveries", RpcAccess.For(Organiser, Ops)),
            ("ResendWebhookDelivery", RpcAccess.For(Organiser, Ops)))
        .WithAuditLog();
}
