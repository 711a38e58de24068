using System.Text.Json;
using Ksst.Notifications.Data;
using Ksst.Notifications.Templates;
using Ksst.Platform.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ksst.Notifications.Delivery;

/// <summary>
/// Sends due deliveries over <see cref="MailOptions.Connections"/> SMTP connections at once, each
/// kept open for its share of the round. Each connection connects first, then claims a delivery
/// (Sending, committed), sends it — not cancelled by shutdown, only by
/// <see cref="MailOptions.SendTimeout"/> — and records the outcome (<see cref="DeliveryLifecycle"/>).
/// A refusal is retried with backoff and jitter until the schedule's last attempt, then the
/// delivery is dead (an operator resends it). A server that is away pauses sending
/// (<see cref="SendingPause"/>) without spending attempts. A record that fails stops the round:
/// nothing more is sent until the next round has settled the open claim (Uncertain), so a save
/// that keeps failing never resends. Everything is in the delivery log, so a restart resumes with
/// the deliveries still due.
/// </summary>
internal sealed partial class MailDispatcher(
    IServiceScopeFactory scopes, MailTemplates templates, SmtpMailer mailer, IOptions<RetrySchedule> retry, IOptions<MailOptions> mail,
    SendingPauses pauses, NotificationMetrics metrics, WorkSignal<Delivery> signal, TimeProvider clock, ILogger<MailDispatcher> logger)
    : DueWorkLoop<Delivery>(signal, clock, logger)
{
    private const int Batch = 64;

    private SendingPause Server => pauses.MailServer;

    protected override async Task<DateTimeOffset?> RunDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        foreach (var orphan in await OpenClaims.SettleAsync(db.Deliveries, scope.ServiceProvider.GetRequiredService<UnitOfWork<NotificationsDbContext>>(), ct))
        {
            metrics.Uncertain("email");
            LogUncertain(orphan.Id, orphan.ClaimedAt);
        }
        var connections = Math.Max(1, mail.Value.Connections);
        while (true)
        {
            if (Server.IsPaused)
            {
                return Server.ProbeAt;
            }
            var now = Clock.GetUtcNow();
            var due = await db.Deliveries.AsNoTracking().WhereStatusIn(DeliveryLifecycle.Waiting).Where(d => d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(Batch).ToListAsync(ct);
            if (due.Count == 0 && Server.AwaySince is not null)
            {
                // Nothing to send, but the server was away: probe it, so health says when it is back.
                await using var probe = mailer.OpenSession();
                await ConnectAsync(probe, ct);
            }
            using var round = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var shares = due.Select((id, i) => (id, i)).GroupBy(x => x.i % connections, x => x.id);
            await Task.WhenAll(shares.Select(share => SendShareAsync([.. share], round)));
            if (due.Count < Batch || Server.IsPaused)
            {
                return Server.IsPaused
                    ? Server.ProbeAt
                    : await db.Deliveries.WhereStatusIn(DeliveryLifecycle.Waiting).OrderBy(d => d.NextAttemptAt).Select(d => (DateTimeOffset?)d.NextAttemptAt).FirstOrDefaultAsync(ct);
            }
        }
    }

    /// <summary>Sends one connection's share of the round; stops at the first sign of the server away or a failed record.</summary>
    private async Task SendShareAsync(IReadOnlyList<Guid> share, CancellationTokenSource round)
    {
        // Each connection claims and records through a context of its own.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork<NotificationsDbContext>>();
        await using var session = mailer.OpenSession();
        foreach (var id in share)
        {
            if (round.IsCancellationRequested || Server.IsPaused || !await ConnectAsync(session, round.Token))
            {
                return;
            }
            var delivery = await unitOfWork.RunAsync(async _ =>
            {
                var claimed = await db.Deliveries.SingleOrDefaultAsync(d => d.Id == id, round.Token);
                if (claimed is null || !DeliveryLifecycle.Waiting.Contains(claimed.Status))
                {
                    return null; // Changed since the round began.
                }
                DeliveryLifecycle.Claim(claimed, Clock.GetUtcNow());
                return claimed;
            }, round.Token);
            if (delivery is null)
            {
                continue;
            }

            // Claimed: from here on the send and its record are not cancelled by shutdown.
            var outcome = await SendClaimedAsync(session, delivery);
            try
            {
                await unitOfWork.RunAsync(_ =>
                {
                    Record(delivery, outcome);
                    return Task.CompletedTask;
                }, CancellationToken.None);
            }
            catch
            {
                // The claim stays open; the next round settles it as uncertain rather than sending again.
                round.Cancel();
                throw;
            }
            if (outcome.Result is SendResult.Away or SendResult.Unknown)
            {
                ServerAway(outcome.Detail!);
                return;
            }
        }
    }

    /// <summary>Connects unless connected; false (and sending paused) when the server is away.</summary>
    private async Task<bool> ConnectAsync(SmtpSession session, CancellationToken ct)
    {
        try
        {
            await session.ConnectAsync(ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            ServerAway(SmtpFailures.Classify(ex, handedOver: false).Detail!);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        if (Server.FoundReachable() is { } away)
        {
            LogServerBack(Server.Receiver, (int)away.TotalSeconds);
        }
        return true;
    }

    private async Task<SendOutcome> SendClaimedAsync(SmtpSession session, Delivery delivery)
    {
        MailMessageContent content;
        try
        {
            var model = JsonSerializer.Deserialize<Dictionary<string, string>>(delivery.ModelJson)!;
            content = templates.Render(delivery.Template, delivery.Language, model);
        }
        catch (Exception ex)
        {
            // The type only: a template's error may quote what it was given.
            return SendOutcome.Refused($"The message could not be written: {ex.GetType().Name}");
        }
        using var limit = new CancellationTokenSource(mail.Value.SendTimeout);
        return await session.SendAsync(delivery, content, limit.Token);
    }

    private void Record(Delivery delivery, SendOutcome outcome)
    {
        var status = DeliveryLifecycle.Record(delivery, outcome, retry.Value, Clock.GetUtcNow(), Random.Shared);
        switch (status)
        {
            case DeliveryStatus.Sent:
                metrics.Sent();
                break;
            case DeliveryStatus.Failed or DeliveryStatus.Dead when outcome.Result == SendResult.Refused:
                metrics.Failed(status == DeliveryStatus.Dead);
                LogRefused(delivery.Id, delivery.Attempts, status == DeliveryStatus.Dead, outcome.Detail!);
                break;
            case DeliveryStatus.Uncertain:
                metrics.Uncertain("email");
                LogUncertain(delivery.Id, delivery.ClaimedAt);
                break;
        }
    }

    private void ServerAway(string reason)
    {
        if (Server.FoundAway(reason))
        {
            LogServerAway(Server.Receiver, reason);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Delivery {DeliveryId}: attempt {Attempt} refused ({Error}); dead: {Dead}.")]
    private partial void LogRefused(Guid deliveryId, int attempt, bool dead, string error);

    [LoggerMessage(LogLevel.Warning, "Delivery {DeliveryId} (claimed {ClaimedAt}) is uncertain: it was handed to the mail server but its outcome is unknown; it is not sent again unless resent.")]
    private partial void LogUncertain(Guid deliveryId, DateTimeOffset? claimedAt);

    [LoggerMessage(LogLevel.Warning, "The mail server {Server} is away ({Reason}); sending is paused, no attempts are spent.")]
    private partial void LogServerAway(string server, string reason);

    [LoggerMessage(LogLevel.Information, "The mail server {Server} is back after {Seconds} s; sending resumes.")]
    private partial void LogServerBack(string server, int seconds);
}
