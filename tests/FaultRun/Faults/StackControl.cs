using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Ksst.StackHarness;
using Microsoft.Extensions.DependencyInjection;

namespace Ksst.FaultRun.Faults;

/// <summary>
/// What the faults do to the running stack: signals to a service's own process (kill -9, stop,
/// continue), and the stop and start commands an operator has in the dashboard. It remembers
/// every process it froze and lets them all run again when disposed, so an interrupted run never
/// leaves a frozen process behind (a frozen process would not even stop).
/// </summary>
public sealed class StackControl(LocalStack stack) : IDisposable
{
    private const int SigKill = 9;
    private const int SigCont = 18;
    private const int SigStop = 19;
    private static readonly string[] Stopped = [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart, "Unknown"];
    private readonly ConcurrentDictionary<int, string> _frozen = new();

    /// <summary>The stack's resources.</summary>
    public LocalStack Stack => stack;

    /// <summary>Kills the service's own process with SIGKILL (no shutdown of any kind) and waits until Aspire sees it gone.</summary>
    public async Task<int> KillAsync(string service, CancellationToken ct)
    {
        var pid = stack.ServiceProcess(service);
        Send(pid, SigKill, service);
        await WaitStoppedAsync(service, ct);
        return pid;
    }

    /// <summary>Freezes the service's own process (SIGSTOP): it holds its ports and connections and answers nothing.</summary>
    public int Freeze(string service)
    {
        var pid = stack.ServiceProcess(service);
        _frozen[pid] = service;
        Send(pid, SigStop, service);
        return pid;
    }

    /// <summary>Lets a frozen process run again (SIGCONT).</summary>
    public void Thaw(int pid)
    {
        if (_frozen.TryRemove(pid, out var service))
        {
            Send(pid, SigCont, service);
        }
    }

    /// <summary>Stops a resource as the dashboard's Stop does (SIGTERM, then what Aspire does), and waits until it has exited.</summary>
    public async Task StopAsync(string resource, CancellationToken ct)
    {
        // DCP sometimes reports the stop of a process as failed although the process ends: what
        // counts is that it has stopped, which is waited for.
        await CommandAsync(resource, KnownResourceCommands.StopCommand, ct);
        await WaitStoppedAsync(resource, ct);
    }

    /// <summary>Starts a stopped resource as the dashboard's Start does; healthy comes later.</summary>
    public async Task StartAsync(string resource, CancellationToken ct)
    {
        var result = await CommandAsync(resource, KnownResourceCommands.StartCommand, ct);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Starting {resource} failed: {result.Message}");
        }
    }

    /// <summary>Waits until every resource of the stack is healthy, at most <paramref name="timeout"/>.</summary>
    public async Task WaitAllHealthyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        try
        {
            await Task.WhenAll(LocalStack.Resources.Select(r => stack.App.ResourceNotifications.WaitForResourceHealthyAsync(r, bounded.Token)))
                .WaitAsync(bounded.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            var states = LocalStack.Resources.Select(r => stack.App.ResourceNotifications.TryGetCurrentState(r, out var e)
                ? $"{r} {e.Snapshot.State?.Text} {e.Snapshot.HealthStatus}" : $"{r} unknown");
            throw new TimeoutException($"Not every resource was healthy after {timeout.TotalSeconds:0} s: {string.Join(", ", states)}.");
        }
    }

    /// <summary>Lets every process this run froze run again.</summary>
    public void Dispose()
    {
        foreach (var pid in _frozen.Keys)
        {
            Thaw(pid);
        }
    }

    private async Task WaitStoppedAsync(string resource, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await stack.App.ResourceNotifications.WaitForResourceAsync(resource, Stopped, bounded.Token).WaitAsync(bounded.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            stack.App.ResourceNotifications.TryGetCurrentState(resource, out var current);
            throw new TimeoutException($"{resource} did not stop; it is {current?.Snapshot.State?.Text}.");
        }
    }

    private async Task<ExecuteCommandResult> CommandAsync(string resource, string command, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(TimeSpan.FromSeconds(90));
        return await stack.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command, bounded.Token).WaitAsync(bounded.Token);
    }

    private static void Send(int pid, int signal, string service)
    {
        if (SendSignal(pid, signal) != 0)
        {
            throw new InvalidOperationException($"Signal {signal} to {service} (pid {pid}) failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
