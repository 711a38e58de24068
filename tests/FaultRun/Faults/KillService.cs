namespace Ksst.FaultRun.Faults;

/// <summary>A crash: the service's process is killed with SIGKILL (no shutdown at all), then started again as an operator would.</summary>
public sealed class KillService(string service) : Fault
{
    /// <inheritdoc />
    public override string Name => $"kill -9 {service}";

    /// <inheritdoc />
    public override string Description => $"{service}'s process killed with SIGKILL mid-load, then started again (dashboard Start)";

    /// <inheritdoc />
    public override async Task<string> InjectAsync(StackControl stack, CancellationToken ct) =>
        $"pid {await stack.KillAsync(service, ct)} killed";

    /// <inheritdoc />
    public override Task HealAsync(StackControl stack, CancellationToken ct) => stack.StartAsync(service, ct);
}
