using Grpc.Net.Client;
using Ksst.Contracts.Notifications.V1;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using NotificationsClient = Ksst.Contracts.Notifications.V1.Notifications.NotificationsClient;
using SchedulingClient = Ksst.Contracts.Scheduling.V1.Scheduling.SchedulingClient;

namespace Ksst.FaultRun.Observations;

/// <summary>What each service says about the run's batches, read through its public API, batch by batch.</summary>
public sealed class ServiceViews(GrpcChannel registration, GrpcChannel scheduling, GrpcChannel notifications, IReadOnlyList<string> batchIds)
{
    /// <summary>The most deliveries one ListDeliveries answer holds.</summary>
    public const int DeliveryPage = 500;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly NominationsClient _nominations = new(registration);
    private readonly SchedulingClient _scheduling = new(scheduling);
    private readonly NotificationsClient _notifications = new(notifications);

    /// <summary>Every nomination Registration holds in the run's batches.</summary>
    public async Task<IReadOnlyList<Nomination>> NominationsAsync(CancellationToken ct)
    {
        var all = new List<Nomination>();
        foreach (var batchId in batchIds)
        {
            var token = "";
            do
            {
                var page = await _nominations.ListNominationsAsync(new ListNominationsRequest { BatchId = batchId, PageSize = 200, PageToken = token },
                    deadline: DateTime.UtcNow + Deadline, cancellationToken: ct);
                all.AddRange(page.Nominations);
                token = page.NextPageToken;
            }
            while (token.Length > 0);
        }
        return all;
    }

    /// <summary>Every entry of Scheduling's rosters of the run's batches.</summary>
    public async Task<IReadOnlyList<RosterEntry>> RosterAsync(CancellationToken ct)
    {
        var all = new List<RosterEntry>();
        foreach (var batchId in batchIds)
        {
            all.AddRange((await _scheduling.ListRosterAsync(new ListRosterRequest { BatchId = batchId },
                deadline: DateTime.UtcNow + Deadline, cancellationToken: ct)).Entries);
        }
        return all;
    }

    /// <summary>
    /// Every delivery in Notifications' log about the run's batches. A batch whose answer is full
    /// (it may hold more) is read again nomination by nomination.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> DeliveriesAsync(Func<string, IEnumerable<string>> nominationsOf, CancellationToken ct)
    {
        var all = new List<Delivery>();
        foreach (var batchId in batchIds)
        {
            var page = await ListAsync(new ListDeliveriesRequest { BatchId = batchId }, ct);
            if (page.Count < DeliveryPage)
            {
                all.AddRange(page);
                continue;
            }
            all.AddRange(page.Where(d => d.NominationId.Length == 0));
            foreach (var nominationId in nominationsOf(batchId))
            {
                all.AddRange(await ListAsync(new ListDeliveriesRequest { BatchId = batchId, NominationId = nominationId }, ct));
            }
        }
        return all;
    }

    private async Task<IReadOnlyList<Delivery>> ListAsync(ListDeliveriesRequest request, CancellationToken ct) =>
        (await _notifications.ListDeliveriesAsync(request, deadline: DateTime.UtcNow + Deadline, cancellationToken: ct)).Deliveries;
}
