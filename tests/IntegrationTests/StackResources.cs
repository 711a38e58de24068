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
        await WaitStoppedAsync(stack, resource, mustSucceed);
    }

    /// <summary>
    /// Kills the process of service <paramref name="resource"/> (named <paramref name="executable"/>)
    /// with SIGKILL, a crash with no shutdown at all, and waits until Aspire has seen it end.
    /// </summary>
    public static async Task KillAsync(this StackFixture stack, string resource, string executable)
    {
        ServiceProcesses.Kill(ServiceProcesses.Of(stack, resource, executable));
        await WaitStoppedAsync(stack, resource, mustSucceed: false);
    }

    /// <summary>Starts <paramref name="resource"/> again and waits until it is healthy.</summary>
    public static async Task StartAsync(this StackFixture stack, string resource)
    {
        await RunAsync(stack, resource, KnownResourceCommands.StartCommand, mustSucceed: true);
        using var cts = new CancellationTokenSource(StackFixture.Timeout * 2);
        await stack.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token).WaitAsync(cts.Token);
    }

    /// <summary>Stops <paramref name="resource"/> and starts it again, healthy, with its settings evaluated afresh.</summary>
    public static async Task RestartAsync(this StackFixture stack, string resource)
    {
        await stack.StopAsync(resource);
        await stack.StartAsync(resource);
    }

    private static async Task WaitStoppedAsync(StackFixture stack, string resource, bool mustSucceed)
    {
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

    private static async Task RunAsync(StackFixture stack, string resource, string command, bool mustSucceed)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var result = await stack.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command, cts.Token).WaitAsync(cts.Token);
        Assert.True(result.Success || !mustSucceed, $"{command} {resource}: {result.Message}");
    }
}
