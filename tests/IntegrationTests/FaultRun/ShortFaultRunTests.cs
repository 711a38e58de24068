using Ksst.FaultRun;
using Xunit.Abstractions;

namespace Ksst.IntegrationTests.FaultRun;

/// <summary>
/// The fault run's short version has an AppHost of its own (it starts and stops it): it kills
/// processes, so it shares its stack with no other test.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ShortFaultRunCollection
{
    public const string Name = "fault-run";
}

[Collection(ShortFaultRunCollection.Name)]
public sealed class ShortFaultRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Under_every_fault_once_nothing_is_lost_or_doubled()
    {
        var options = FaultRunOptions.Short;
        // The run bounds itself (MaxRunTime); this bounds the await on it as well.
        using var cts = new CancellationTokenSource(options.MaxRunTime + TimeSpan.FromMinutes(2));
        var report = await FaultRunEngine.RunAsync(options, new OutputWriter(output), cts.Token).WaitAsync(cts.Token);
        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
    }

    /// <summary>The run's progress lines in the test's output.</summary>
    private sealed class OutputWriter(ITestOutputHelper output) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            try
            {
                output.WriteLine(value ?? "");
            }
            catch (InvalidOperationException)
            {
                // The test has ended (a line from work still winding down).
            }
        }
    }
}
