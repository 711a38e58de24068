namespace Ksst.FaultRun.Faults;

/// <summary>An outage: a resource is stopped (as the dashboard's Stop does), stays down for a while, and is started again.</summary>
public sealed class StopResource(string resource, string what, TimeSpan duration) : Fault
{
    /// <inheritdoc />
    public override string Name => duration == TimeSpan.Zero ? $"restart {resource}" : $"stop {resource} for {Durations.Text(duration)}";

    /// <inheritdoc />
    public override string Description => duration == TimeSpan.Zero
        ? $"{what} stopped and started again at once"
        : $"{what} stopped for {Durations.Text(duration)}: connections to it are refused";

    /// <inheritdoc />
    public override TimeSpan Duration => duration;

    /// <inheritdoc />
    public override async Task<string> InjectAsync(StackControl stack, CancellationToken ct)
    {
        await stack.StopAsync(resource, ct);
        return "stopped";
    }

    /// <inheritdoc />
    public override Task HealAsync(StackControl stack, CancellationToken ct) => stack.StartAsync(resource, ct);
}
