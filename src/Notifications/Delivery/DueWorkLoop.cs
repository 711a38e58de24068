using Ksst.Platform.Audit;

namespace Ksst.Notifications.Delivery;

/// <summary>
/// Runs work that falls due (deliveries to send, reminders to fire) until the host stops: after
/// each round it sleeps until the next item is due, a signal announces new work, or at most
/// <see cref="MaxSleep"/> passes. State lives in the database, so a restart resumes where it was.
/// </summary>
internal abstract partial class DueWorkLoop<TWork>(WorkSignal<TWork> signal, TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(5);

    /// <summary>The clock due times are read from.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>Does everything due now; returns when the next item falls due, if known.</summary>
    protected abstract Task<DateTimeOffset?> RunDueAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var cause = AuditCause.Loop(GetType().Name);
        while (!stoppingToken.IsCancellationRequested)
        {
            var sleep = MaxSleep;
            try
            {
                if (await RunDueAsync(stoppingToken) is { } next)
                {
                    var untilNext = next - Clock.GetUtcNow();
                    sleep = untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext < MaxSleep ? untilNext : MaxSleep;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(logger, ex, typeof(TWork).Name);
            }
            try
            {
                await signal.WaitAsync(sleep, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "A round of {Work} failed; trying again shortly.")]
    private static partial void LogRoundFailed(ILogger logger, Exception ex, string work);
}
