using System.Text.Json;
using Ksst.Notifications.Data;
using Ksst.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ksst.Notifications.Delivery;

/// <summary>
/// Sends due deliveries: renders the template, sends over SMTP, and records the outcome right
/// after each send. A failure is retried with backoff and jitter until the schedule's last
/// attempt, then the delivery is dead (resend it through the API). Everything is in the delivery
/// log, so a restart resumes with the deliveries still due.
/// </summary>
internal sealed partial class MailDispatcher(
    IServiceScopeFactory scopes, MailTemplates templates, SmtpMailer mailer, IOptions<RetrySchedule> retry,
    NotificationMetrics metrics, WorkSignal<Delivery> signal, TimeProvider clock, ILogger<MailDispatcher> logger)
    : DueWorkLoop<Delivery>(signal, clock, logger)
{
    private const int Batch = 20;

    protected override async Task<DateTimeOffset?> RunDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        while (true)
        {
            var now = Clock.GetUtcNow();
            var due = await Waiting(db).Where(d => d.NextAttemptAt <= now).OrderBy(d => d.NextAttemptAt).Take(Batch).ToListAsync(ct);
            foreach (var delivery in due)
            {
                await SendAsync(db, delivery, ct);
            }
            if (due.Count < Batch)
            {
                return await Waiting(db).OrderBy(d => d.NextAttemptAt).Select(d => (DateTimeOffset?)d.NextAttemptAt).FirstOrDefaultAsync(ct);
            }
        }
    }

    private static IQueryable<Delivery> Waiting(NotificationsDbContext db) =>
        db.Deliveries.Where(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Failed);

    private async Task SendAsync(NotificationsDbContext db, Delivery delivery, CancellationToken ct)
    {
        delivery.Attempts++;
        delivery.LastAttemptAt = Clock.GetUtcNow();
        try
        {
            var model = JsonSerializer.Deserialize<Dictionary<string, string>>(delivery.ModelJson)!;
            var content = templates.Render(delivery.Template, delivery.Language, model);
            await mailer.SendAsync(delivery.Id, delivery.ToName, delivery.ToAddress, content, ct);
            delivery.Status = DeliveryStatus.Sent;
            delivery.SentAt = Clock.GetUtcNow();
            delivery.LastError = null;
            metrics.Sent();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var dead = retry.Value.IsExhausted(delivery.Attempts);
            delivery.Status = dead ? DeliveryStatus.Dead : DeliveryStatus.Failed;
            delivery.LastError = $"{ex.GetType().Name}: {ex.Message}";
            delivery.NextAttemptAt = Clock.GetUtcNow() + retry.Value.Backoff(delivery.Attempts, Random.Shared);
            metrics.Failed(dead);
            LogSendFailed(delivery.Id, delivery.Attempts, dead, ex.GetType().Name);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(LogLevel.Warning, "Delivery {DeliveryId}: attempt {Attempt} failed ({Error}); dead: {Dead}.")]
    private partial void LogSendFailed(Guid deliveryId, int attempt, bool dead, string error);
}
