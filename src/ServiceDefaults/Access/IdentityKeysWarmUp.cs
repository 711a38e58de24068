using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// Fetches the identity service's discovery document and keys at start (retrying until it
/// answers), so the first call is not the one that waits for them and a later restart of the
/// identity service finds them already cached.
/// </summary>
internal sealed partial class IdentityKeysWarmUp(IOptionsMonitor<JwtBearerOptions> options, ILogger<IdentityKeysWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var manager = options.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager;
        if (manager is null)
        {
            return;
        }
        for (var delay = TimeSpan.FromMilliseconds(250); !stoppingToken.IsCancellationRequested; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks)))
        {
            try
            {
                await manager.GetConfigurationAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogNotYet(logger, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The identity service's keys are not available yet; trying again in {Seconds} s.")]
    private static partial void LogNotYet(ILogger logger, double seconds);
}
