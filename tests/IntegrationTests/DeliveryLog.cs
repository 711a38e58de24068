using Ksst.Contracts.Notifications.V1;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;

namespace Ksst.IntegrationTests;

/// <summary>Waits on Notifications' delivery log.</summary>
public static class DeliveryLog
{
    /// <summary>
    /// The one delivery about <paramref name="nominationId"/> that matches, once there is one
    /// (more than one matching fails the test); times out after <see cref="StackFixture.Timeout"/>.
    /// </summary>
    public static Task<Delivery> WaitForAsync(NotificationsClient notifications, string nominationId, Func<Delivery, bool> match, string what) =>
        Eventually.Get(async ct =>
            (await notifications.ListDeliveriesAsync(new ListDeliveriesRequest { NominationId = nominationId }, cancellationToken: ct))
                .Deliveries.SingleOrDefault(match),
            StackFixture.Timeout, what);
}
