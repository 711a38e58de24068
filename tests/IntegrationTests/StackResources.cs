using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Ksst.IntegrationTests;

/// <summary>Stops and starts resources of a running stack, as an operator would from the dashboard.</summary>
public static class StackResources
{
    /// <summary>
    /// Stops <paramref name="resource"/> and waits until it has exited. DCP sometimes reports a
    /// stop of a project as failed, and its state as "Unknown", although the process ends: pass
    /// <paramref name="mustSucceed"/> false to accept that.
    /// </summary>
    public static async Task StopAsync(this StackFixture stack, string resource, bool mustSucceed = true)
    {
        await RunAsync(stack, resource, KnownResourceCommands.StopCommand, mustSucceed);
        string[] states = mustSucceed ? [KnownResourceStates.Exited, KnownResourceStates.Finished] : [KnownResourceStates.Exited, KnownResourceStates.Finished, "Unknown"];
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        try
        {
            await stack.App.ResourceNotifications.WaitForResourceAsync(resource, states, cts.Token).WaitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            stack.App.ResourceNotifications.TryGetCurrentState(resource, out var current);
            throw new TimeoutException($"{resource} did not stop; it is {current?.Snapshot.State?.Text}.");
        }
    }

    /// <summary>Starts <paramref name="resource"/> again and waits until it is healthy.</summary>
    public static async Task StartAsync(this StackFixture stack, string resource)
    {
        await RunAsync(stack, resource, KnownResourceCommands.StartCommand, mustSucceed: true);
        using var cts = new CancellationTokenSource(StackFixture.Timeout * 2);
        await stack.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token).WaitAsync(cts.Token);
    }

    private static async Task RunAsync(StackFixture stack, string resource, string command, bool mustSucceed)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var result = await stack.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command, cts.Token).WaitAsync(cts.Token);
        Assert.True(result.Success || !mustSucceed, $"{command} {resource}: {result.Message}");
    }
}
