namespace Ksst.FaultRun.Faults;

/// <summary>
/// One fault of the run: how it is done to the stack, how long it lasts, and how it is undone.
/// The schedule injects it, waits <see cref="Duration"/>, heals it and waits until every resource
/// is healthy again.
/// </summary>
public abstract class Fault
{
    /// <summary>A short name, e.g. "kill -9 registration".</summary>
    public abstract string Name { get; }

    /// <summary>What it does and what it stands for, for the report.</summary>
    public abstract string Description { get; }

    /// <summary>How long the fault lasts before it is healed (zero: healed at once).</summary>
    public virtual TimeSpan Duration => TimeSpan.Zero;

    /// <summary>
    /// When set, the next fault follows as soon as every resource is healthy again, without the
    /// settling time (so that it meets the recovery from this one, such as the mail that waited).
    /// </summary>
    public bool NextFollowsAtOnce { get; init; }

    /// <summary>Does the fault; returns a note for the report (e.g. the pid killed).</summary>
    public abstract Task<string> InjectAsync(StackControl stack, CancellationToken ct);

    /// <summary>Undoes it (starts what was stopped, continues what was frozen).</summary>
    public abstract Task HealAsync(StackControl stack, CancellationToken ct);
}

/// <summary>When a fault happened and how it went.</summary>
/// <param name="Name">The fault's name.</param>
/// <param name="Description">What it does.</param>
/// <param name="Injected">When it was done to the stack.</param>
/// <param name="Healed">When it was undone.</param>
/// <param name="Healthy">When every resource was healthy again.</param>
/// <param name="Note">What the injection said (e.g. the pid killed).</param>
/// <param name="Problem">Why it could not be done or undone, if so.</param>
public sealed record FaultRecord(string Name, string Description, DateTimeOffset Injected, DateTimeOffset? Healed, DateTimeOffset? Healthy, string? Note, string? Problem);
