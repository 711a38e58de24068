namespace Ksst.FaultRun.Faults;

/// <summary>
/// A crash: the service's process is killed with SIGKILL (no shutdown at all), then started again
/// as an operator would. Given a moment to wait for (such as mail going out fast), it strikes then.
/// </summary>
/// <param name="service">The service to kill.</param>
/// <param name="moment">Waits for the moment to strike (bounded) and says what it was; none: at once.</param>
public sealed class KillService(string service, Func<CancellationToken, Task<string>>? moment = null) : Fault
{
    /// <inheritdoc />
    public override string Name => $"kill -9 {service}";

    /// <inheritdoc />
    public override string Description => moment is null
        ? $"{service}'s process killed with SIGKILL mid-load, then started again (dashboard Start)"
        : $"{service}'s process killed with SIGKILL while it sends the mail that waited, then started again (dashboard Start)";

    /// <inheritdoc />
    public override async Task<string> InjectAsync(StackControl stack, CancellationToken ct)
    {
        var when = moment is null ? null : await moment(ct);
        var pid = await stack.KillAsync(service, ct);
        return when is null ? $"pid {pid} killed" : $"pid {pid} killed {when}";
    }

    /// <inheritdoc />
    public override Task HealAsync(StackControl stack, CancellationToken ct) => stack.StartAsync(service, ct);
}
