using Ksst.Contracts.Notifications.V1;
using Ksst.Contracts.Registration.V1;
using Ksst.FaultRun.Observations;

namespace Ksst.FaultRun.Checks;

/// <summary>
/// Every expected email arrived exactly once, or is listed as uncertain. Expected, from what
/// Registration holds: for each nomination "received" and its admission ("accepted" or
/// "waitlisted") to the participant and, when one is named, to the agency's contact; for each batch
/// its opening to the organisers. Each must be one delivery in Notifications' log; each delivery
/// must be Sent and in the inbox exactly once by its Message-Id (the delivery's id), or Uncertain
/// and in the inbox at most once; and the inbox holds no email that is no delivery.
/// </summary>
public static class EmailCheck
{
    /// <summary>The verdict on <paramref name="evidence"/>.</summary>
    public static CheckResult Judge(Evidence evidence)
    {
        var expected = Expected(evidence).ToList();
        var deliveries = evidence.Deliveries.ToLookup(KeyOf);
        var inbox = evidence.MessageIds.GroupBy(DeliveryIdOf).ToDictionary(g => g.Key, g => g.Count());
        var breaches = new List<string>();
        int once = 0, uncertain = 0;
        foreach (var key in expected)
        {
            var found = deliveries[key].ToList();
            if (found.Count == 0)
            {
                breaches.Add($"no delivery of {key}");
                continue;
            }
            if (found.Count > 1)
            {
                breaches.Add($"{found.Count} deliveries of {key}");
            }
            foreach (var delivery in found)
            {
                var arrived = inbox.GetValueOrDefault(Guid.Parse(delivery.DeliveryId));
                switch (DeliveryStates.Of(delivery))
                {
                    case DeliveryStates.Sent when arrived == 1:
                        once++;
                        break;
                    case DeliveryStates.Uncertain when arrived <= 1:
                        uncertain++;
                        break;
                    case var state when state is DeliveryStates.Sent or DeliveryStates.Uncertain:
                        breaches.Add($"{key} is {state} and arrived {arrived} times (Message-Id {Guid.Parse(delivery.DeliveryId):N})");
                        break;
                    case var state:
                        breaches.Add($"{key} is {state} after {delivery.Attempts} attempts ({delivery.LastError}); arrived {arrived} times");
                        break;
                }
            }
        }
        var wanted = expected.ToHashSet();
        breaches.AddRange(evidence.Deliveries.Where(d => !wanted.Contains(KeyOf(d))).Select(d => $"an unexpected delivery: {KeyOf(d)} ({DeliveryStates.Of(d)})"));
        var known = evidence.Deliveries.Select(d => Guid.Parse(d.DeliveryId)).ToHashSet();
        var strangers = inbox.Where(m => !known.Contains(m.Key)).ToList();
        breaches.AddRange(strangers.Select(m => $"{m.Value} email(s) in the inbox that are no delivery (Message-Id {(m.Key == Guid.Empty ? "unreadable" : m.Key.ToString("N"))})"));
        return CheckResult.From("Every expected email arrived exactly once (by Message-Id) or is listed as uncertain", breaches,
            $"{expected.Count:N0} emails expected, {evidence.Deliveries.Count:N0} deliveries, {evidence.MessageIds.Count:N0} emails in the inbox; " +
            $"{once:N0} arrived once, {uncertain:N0} uncertain, {breaches.Count:N0} wrong");
    }

    /// <summary>The emails the system owes for what Registration holds.</summary>
    private static IEnumerable<string> Expected(Evidence evidence)
    {
        foreach (var batchId in evidence.BatchIds)
        {
            yield return Key("BatchOpened", "organisers", batchId);
        }
        foreach (var n in evidence.Nominations)
        {
            var admission = n.Status switch
            {
                NominationStatus.Accepted => "ParticipantAccepted",
                NominationStatus.Waitlisted => "ParticipantWaitlisted",
                var other => $"(no email expected for a nomination {other} on arrival)",
            };
            var recipients = n.AgencyContact is { Email.Length: > 0 } ? new[] { "participant", "agency" } : ["participant"];
            foreach (var recipient in recipients)
            {
                yield return Key("ParticipantNominated", $"{recipient}:{Guid.Parse(n.NominationId)}", n.BatchId);
                yield return Key(admission, $"{recipient}:{Guid.Parse(n.NominationId)}", n.BatchId);
            }
        }
    }

    private static string KeyOf(Delivery d)
    {
        // "participant:{id}" with the id in any form reads as the same recipient.
        var parts = d.Recipient.Split(':', 2);
        var recipient = parts.Length == 2 && Guid.TryParse(parts[1], out var id) ? $"{parts[0]}:{id}" : d.Recipient;
        return Key(d.EventType, recipient, d.BatchId);
    }

    private static string Key(string eventType, string recipient, string batchId) => $"{eventType} to {recipient} in {batchId}";

    /// <summary>The delivery id in a Message-Id of the form "{id:N}@notifications.ksst"; empty when it has none.</summary>
    private static Guid DeliveryIdOf(string messageId) =>
        Guid.TryParse(messageId.Split('@')[0], out var id) ? id : Guid.Empty;
}
