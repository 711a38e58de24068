namespace Ksst.FaultRun.Faults;

/// <summary>
/// One service's calls to another fail for a while, both services running on: the caller's calls go
/// through the run's <see cref="CallRelay"/>, which holds them unanswered until their deadline. Here
/// Notifications' contact lookups in Registration, while Registration keeps taking nominations and
/// publishing their events.
/// </summary>
public sealed class CutCalls(CallRelay relay, string caller, string callee, TimeSpan duration) : Fault
{
    /// <inheritdoc />
    public override string Name => $"cut {caller} → {callee} for {Durations.Text(duration)}";

    /// <inheritdoc />
    public override string Description =>
        $"{caller}'s calls to {callee} (through the run's TCP relay) hang unanswered until their deadline; {callee} itself runs on";

    /// <inheritdoc />
    public override TimeSpan Duration => duration;

    /// <inheritdoc />
    public override Task<string> InjectAsync(StackControl stack, CancellationToken ct)
    {
        relay.Cut();
        return Task.FromResult($"{relay.Relayed} connections relayed before");
    }

    /// <inheritdoc />
    public override Task HealAsync(StackControl stack, CancellationToken ct)
    {
        relay.Restore();
        return Task.CompletedTask;
    }
}
