using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ksst.UnitTests.Platform;

/// <summary>What the service defaults log: HttpClient's per-call lines only from Warning up, everything else as configured.</summary>
public sealed class ServiceLoggingTests
{
    [Fact]
    public void HttpClient_logs_warnings_only_and_the_service_its_information()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.AddServiceDefaults();
        using var host = builder.Build();
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        var http = loggers.CreateLogger("System.Net.Http.HttpClient.registration.LogicalHandler");
        Assert.False(http.IsEnabled(LogLevel.Information));
        Assert.True(http.IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("Ksst.Notifications.Delivery.MailDispatcher").IsEnabled(LogLevel.Information));
    }
}
