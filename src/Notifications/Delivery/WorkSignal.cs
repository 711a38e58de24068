namespace Ksst.Notifications.Delivery;

/// <summary>Wakes a dispatcher of <typeparamref name="TWork"/> when new work was committed.</summary>
internal sealed class WorkSignal<TWork>
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Marks work as ready; several signals before a wait count as one.</summary>
    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Waits for a signal or <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
