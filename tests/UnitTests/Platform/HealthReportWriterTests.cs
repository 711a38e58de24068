using System.Text.Json;
using Ksst.ServiceDefaults.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ksst.UnitTests.Platform;

public sealed class HealthReportWriterTests
{
    [Fact]
    public void The_report_names_each_check_with_its_status_and_description_but_never_its_exception()
    {
        var report = new HealthReport(new Dictionary<string, HealthReportEntry>
        {
            ["self"] = new(HealthStatus.Healthy, null, TimeSpan.Zero, null, null),
            ["broker"] = new(HealthStatus.Degraded, "RabbitMQ at 127.0.0.1:5672 does not answer.", TimeSpan.Zero,
                new InvalidOperationException("amqp://guest:secret@127.0.0.1"), new Dictionary<string, object> { ["uri"] = "amqp://guest:secret@127.0.0.1" }),
        }, TimeSpan.Zero);

        var json = HealthReportWriter.ToJson(report);

        using var document = JsonDocument.Parse(json);
        Assert.Equal("Degraded", document.RootElement.GetProperty("status").GetString());
        var broker = document.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "broker");
        Assert.Equal("Degraded", broker.GetProperty("status").GetString());
        Assert.Equal("RabbitMQ at 127.0.0.1:5672 does not answer.", broker.GetProperty("description").GetString());
        Assert.DoesNotContain("secret", json);
    }
}
