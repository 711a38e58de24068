namespace Ksst.ServiceDefaults.Calls;

/// <summary>
/// Where a network call may not happen: inside a service's write lock, where a slow dependency
/// would stall every writer of the process. The platform library's unit of work forbids calls
/// while it holds the lock; every outgoing HTTP and gRPC call, every Redis call and every SMTP
/// session checks, so a call made there fails at once in every test instead of stalling in production.
/// </summary>
public static class NetworkCalls
{
    private static readonly AsyncLocal<string?> ForbiddenBy = new();

    /// <summary>Forbids network calls in this async flow until the result is disposed.</summary>
    public static IDisposable Forbid(string holder)
    {
        var previous = ForbiddenBy.Value;
        ForbiddenBy.Value = holder;
        return new Restore(previous);
    }

    /// <summary>Throws when a network call to <paramref name="target"/> is made where none is allowed.</summary>
    public static void EnsureAllowed(string target)
    {
        if (ForbiddenBy.Value is { } holder)
        {
            throw new InvalidOperationException($"A network call to {target} was made inside {holder}; make it before or after.");
        }
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => ForbiddenBy.Value = previous;
    }
}
