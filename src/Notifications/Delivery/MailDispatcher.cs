using System.Text.Json;
using Ksst.Notifications.Data;
using Ksst.Notifications.Templates;
using Ksst.Platform.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ksst.Notifications.Delivery;

/// <summary>
/// Sends due deliveries: renders the template, sends over SMTP, and records the outcome right
/// after each send. Due deliveries are shared among <see cref="MailOptions.Connections"/> SMTP
/// connections, each kept open for its share of the round. A failure is retried with backoff and
/// jitter until the schedule's last attempt, then the delivery is dead (resend it through the
/// API). Everything is in the delivery log, so a restart resumes with the deliveries still due.
/// </summary>
internal sealed partial class MailDispatcher(
    IServiceScopeFactory scopes, MailTemplates templates, SmtpMailer mailer, IOptions<RetrySchedule> retry, IOptions<MailOptions> mail,
    NotificationMetrics metrics, WorkSignal<Delivery> signal, TimeProvider clock, ILogger<MailDispatcher> logger)
    : DueWorkLoop<Delivery>(signal, clock, logger)
{
    private const int Batch = 64;

    protected override async Task<DateTimeOffset?> RunDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var connections = Math.Max(1, mail.Value.Connections);
        while (true)
        {
            var now = Clock.GetUtcNow();
            var due = await Waiting(db).AsNoTracking().Where(d => d.NextAttemptAt <= now).OrderBy(d => d.NextAttemptAt).Take(Batch).ToListAsync(ct);
            var shares = due.Select((delivery, i) => (delivery, i)).GroupBy(x => x.i % connections, x => x.delivery);
            await Task.WhenAll(shares.Select(share => SendShareAsync(share, ct)));
            if (due.Count < Batch)
            {
                return await Waiting(db).OrderBy(d => d.NextAttemptAt).Select(d => (DateTimeOffset?)d.NextAttemptAt).FirstOrDefaultAsync(ct);
            }
        }
    }

    private static IQueryable<Delivery> Waiting(NotificationsDbContext db) =>
        db.Deliveries.Where(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Failed);

    private async Task SendShareAsync(IEnumerable<Delivery> share, CancellationToken ct)
    {
        // Each connection records through a context of its own.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork<NotificationsDbContext>>();
        await using var session = mailer.OpenSession();
        foreach (var delivery in share)
        {
            var attemptedAt = Clock.GetUtcNow();
            Exception? failure = null;
            try
            {
                var model = JsonSerializer.Deserialize<Dictionary<string, string>>(delivery.ModelJson)!;
                var content = templates.Render(delivery.Template, delivery.Language, model);
                await session.SendAsync(delivery, content, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                failure = ex;
            }
            await unitOfWork.RunAsync(_ =>
            {
                db.Deliveries.Attach(delivery);
                Record(delivery, attemptedAt, failure);
                return Task.CompletedTask;
            }, CancellationToken.None);
        }
    }

    private void Record(Delivery delivery, DateTimeOffset attemptedAt, Exception? failure)
    {
        delivery.Attempts++;
        delivery.LastAttemptAt = attemptedAt;
        if (failure is null)
        {
            delivery.Status = DeliveryStatus.Sent;
            delivery.SentAt = Clock.GetUtcNow();
            delivery.LastError = null;
            metrics.Sent();
            return;
        }
        var dead = retry.Value.IsExhausted(delivery.Attempts);
        delivery.Status = dead ? DeliveryStatus.Dead : DeliveryStatus.Failed;
        delivery.LastError = $"{failure.GetType().Name}: {failure.Message}";
        delivery.NextAttemptAt = Clock.GetUtcNow() + retry.Value.Backoff(delivery.Attempts, Random.Shared);
        metrics.Failed(dead);
        LogSendFailed(delivery.Id, delivery.Attempts, dead, failure.GetType().Name);
    }

    [LoggerMessage(LogLevel.Warning, "Delivery {DeliveryId}: attempt {Attempt} failed ({Error}); dead: {Dead}.")]
    private partial void LogSendFailed(Guid deliveryId, int attempt, bool dead, string error);
}
