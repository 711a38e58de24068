using OpenIddict.Abstractions;

namespace Ksst.Identity.Authorization;

/// <summary>
/// Removes token and authorization records that can no longer be used (expired, redeemed or
/// revoked) once a day old: every issued token has a record (an access token's without its
/// payload), and client credentials issue one every half hour per service. A minute after start,
/// then hourly.
/// </summary>
internal sealed partial class TokenPruner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TokenPruner> logger) : BackgroundService
{
    /// <summary>How old a record must be before it is removed (longer than any token lives).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private static readonly TimeSpan FirstRun = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRun, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await PruneAsync(stoppingToken);
                await Task.Delay(Interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PruneAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var threshold = clock.GetUtcNow() - Retention;
            var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, ct);
            var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, ct);
            LogPruned(tokens, authorizations);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next round tries again; meanwhile the records only take space.
            LogFailed(ex);
        }
    }

    [LoggerMessage(LogLevel.Debug, "Removed {Tokens} token and {Authorizations} authorization records past their use.")]
    private partial void LogPruned(long tokens, long authorizations);

    [LoggerMessage(LogLevel.Warning, "Removing old token records failed; trying again in an hour.")]
    private partial void LogFailed(Exception ex);
}
