using Ksst.Contracts.Events;
using Ksst.Notifications.Contacts;
using Ksst.Notifications.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Notifications.Delivery;

/// <summary>
/// Writes to a newly nominated participant. The delivery row (unique per event and recipient) is
/// committed before the send and marked sent after it, so a redelivered event never mails twice
/// once a send succeeded; a failed send is retried by the bus with backoff.
/// </summary>
internal sealed class ParticipantNominatedConsumer(
    NotificationsDbContext db, ContactDirectory contacts, SmtpMailer mailer, TimeProvider clock) : IConsumer<ParticipantNominated>
{
    private const string Recipient = "participant";

    public async Task Consume(ConsumeContext<ParticipantNominated> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        var delivery = await db.Deliveries.SingleOrDefaultAsync(d => d.EventId == message.EventId && d.Recipient == Recipient, ct);
        if (delivery?.Status == DeliveryStatus.Sent)
        {
            return;
        }

        var contact = await contacts.GetAsync(message.NominationId, ct);
        if (delivery is null)
        {
            delivery = new Delivery
            {
                Id = Guid.CreateVersion7(),
                EventId = message.EventId,
                EventType = nameof(ParticipantNominated),
                Recipient = Recipient,
                NominationId = message.NominationId,
                BatchId = message.BatchId,
                Channel = "email",
                Language = contact.PreferredLanguage == "id" ? "id" : "en",
                CreatedAt = clock.GetUtcNow(),
                TraceId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
            };
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync(ct);
        }

        delivery.Attempts++;
        try
        {
            var content = NominationReceivedMessage.Render(delivery.Language, contact.FullName, message.BatchId);
            await mailer.SendAsync(contact.FullName, contact.Email, content, ct);
            delivery.Status = DeliveryStatus.Sent;
            delivery.SentAt = clock.GetUtcNow();
            delivery.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            delivery.Status = DeliveryStatus.Failed;
            delivery.LastError = ex.Message;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
