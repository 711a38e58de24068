using System.Diagnostics;
using System.Text.Json;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Ksst.Notifications.Contacts;
using Ksst.Notifications.Delivery;
using Ksst.Notifications.Templates;
using Ksst.Platform.Tracing;
using Microsoft.Extensions.Options;

namespace Ksst.Notifications.Notices;

/// <summary>
/// Turns a plan into delivery log entries: looks up each recipient's name, address and language
/// (participants and agencies from Registration through the contact cache, organisers from
/// configuration) and fixes the template values in that language. Each delivery is sent in the
/// trace of the activity it is planned in (the event's consumer, or a reminder's firing).
/// </summary>
internal sealed partial class DeliveryPlanner(ContactDirectory contacts, IOptions<OrganisersOptions> organisers, TimeProvider clock, ILogger<DeliveryPlanner> logger)
{
    /// <summary>One pending delivery per recipient who has an address.</summary>
    public async Task<List<Delivery.Delivery>> DeliveriesAsync(NotificationPlan plan, Guid eventId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var deliveries = new List<Delivery.Delivery>();
        foreach (var recipient in plan.Recipients)
        {
            var contact = recipient.NominationId is { } id ? await ContactOfAsync(id, ct) : null;
            if (recipient.NominationId is not null && contact is null)
            {
                continue;
            }
            var (name, address, language) = recipient.Role switch
            {
                RecipientRole.Participant => (contact!.FullName, contact.Email, contact.PreferredLanguage),
                RecipientRole.Agency => (contact!.AgencyContactName, contact.AgencyContactEmail, "en"),
                _ => (organisers.Value.Name, organisers.Value.Address, organisers.Value.Language),
            };
            if (string.IsNullOrWhiteSpace(address))
            {
                continue;
            }
            language = MailTemplates.Languages.Contains(language) ? language : "en";
            var model = plan.Model(language);
            NotificationPlans.AddRecipient(model, string.IsNullOrWhiteSpace(name) ? address : name, contact?.FullName);
            deliveries.Add(new Delivery.Delivery
            {
                Id = Guid.CreateVersion7(now),
                EventId = eventId,
                EventType = plan.EventType,
                Recipient = recipient.Key,
                NominationId = recipient.NominationId,
                BatchId = plan.BatchId,
                Channel = "email",
                Template = plan.Template,
                Language = language,
                ToName = name,
                ToAddress = address,
                ModelJson = JsonSerializer.Serialize(model),
                CreatedAt = now,
                NextAttemptAt = now,
            }.TracedBy(Activity.Current));
        }
        return deliveries;
    }

    private async Task<ParticipantContact?> ContactOfAsync(Guid nominationId, CancellationToken ct)
    {
        try
        {
            return await contacts.GetAsync(nominationId, ct);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            LogUnknownNomination(nominationId);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Registration does not know nomination {NominationId}; no notice is sent about it.")]
    private partial void LogUnknownNomination(Guid nominationId);
}
