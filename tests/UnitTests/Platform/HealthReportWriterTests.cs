using System.Text.Json;
using Ksst.ServiceDefaults.Access;
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

    [Fact]
    public void Without_checks_the_report_is_the_status_alone()
    {
        var report = new HealthReport(new Dictionary<string, HealthReportEntry>
        {
            ["broker"] = new(HealthStatus.Degraded, "RabbitMQ at 127.0.0.1:5672 does not answer.", TimeSpan.Zero, null, null),
        }, TimeSpan.Zero);
        Assert.Equal("""{"status":"Degraded"}""", HealthReportWriter.ToJson(report, withChecks: false));
    }

    [Theory]
    [InlineData(Role.Ops, true)]
    [InlineData(Role.Organiser, true)]
    [InlineData(Role.Service, true)]
    [InlineData(Role.Agency, false)]
    [InlineData(Role.Participant, false)]
    public void Operators_organisers_and_services_see_the_checks_and_anyone_else_the_status(Role role, bool sees)
    {
        var caller = new Caller("x", "x", role, new HashSet<string>(), null, null);
        Assert.Equal(sees, HealthReportWriter.SeesChecks(caller));
        Assert.False(HealthReportWriter.SeesChecks(null));
    }
}
