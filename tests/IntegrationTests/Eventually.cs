namespace Ksst.IntegrationTests;

/// <summary>Polls until a condition holds, within a bounded time.</summary>
public static class Eventually
{
    /// <summary>Returns the first non-null result of <paramref name="probe"/>, or fails after <paramref name="timeout"/>.</summary>
    public static async Task<T> Get<T>(Func<CancellationToken, Task<T?>> probe, TimeSpan timeout, string what) where T : class
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            try
            {
                if (await probe(cts.Token) is { } value)
                {
                    return value;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            }
        }
    }
}
