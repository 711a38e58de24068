namespace Ksst.FaultRun.Faults;

/// <summary>
/// A hung service: its process is frozen (SIGSTOP) for a while and then continued (SIGCONT). Its
/// ports stay open and accept connections, but nothing answers, so every call to it, from the
/// load and from the other services (Notifications' contact lookups, Scheduling's reads), runs
/// into its deadline.
/// </summary>
public sealed class FreezeService(string service, TimeSpan duration) : Fault
{
    private int _pid;

    /// <inheritdoc />
    public override string Name => $"freeze {service} for {Durations.Text(duration)}";

    /// <inheritdoc />
    public override string Description => $"{service} frozen with SIGSTOP, then SIGCONT: calls to it, Notifications' contact lookups among them, time out";

    /// <inheritdoc />
    public override TimeSpan Duration => duration;

    /// <inheritdoc />
    public override Task<string> InjectAsync(StackControl stack, CancellationToken ct)
    {
        _pid = stack.Freeze(service);
        return Task.FromResult($"pid {_pid} frozen");
    }

    /// <inheritdoc />
    public override Task HealAsync(StackControl stack, CancellationToken ct)
    {
        stack.Thaw(_pid);
        return Task.CompletedTask;
    }
}
