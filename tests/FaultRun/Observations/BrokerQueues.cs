using System.Diagnostics;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Ksst.StackHarness;

namespace Ksst.FaultRun.Observations;

/// <summary>
/// Every queue of the stack's local RabbitMQ node with its waiting and unacknowledged messages,
/// listed by the node's own <c>rabbitmqctl</c> (the management plugin is off, and AMQP cannot list
/// queues). The CLI reaches the node through its port mapper on loopback, with the node's cookie,
/// and its own Erlang distribution listener is bound to loopback too.
/// </summary>
public sealed class BrokerQueues(LocalStack stack)
{
    private const string Broker = "messaging";

    /// <summary>The queues now, by name.</summary>
    public async Task<IReadOnlyList<QueueDepth>> ListAsync(CancellationToken ct)
    {
        if (!stack.App.ResourceNotifications.TryGetCurrentState(Broker, out var broker))
        {
            throw new InvalidOperationException("The stack has no broker.");
        }
        string Setting(string name) => broker.Snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == name)?.Value
            ?? throw new InvalidOperationException($"The broker has no {name}.");
        var server = broker.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.path")?.Value as string
            ?? throw new InvalidOperationException("The broker has no executable path.");

        var start = new ProcessStartInfo(Path.Combine(Path.GetDirectoryName(server)!, "rabbitmqctl"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Setting("HOME"),
        };
        foreach (var argument in new[] { "-n", Setting("RABBITMQ_NODENAME"), "list_queues", "name", "messages", "messages_unacknowledged", "--formatter", "json" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["HOME"] = Setting("HOME"); // the node's Erlang cookie
        start.Environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        start.Environment["ERL_EPMD_PORT"] = Setting("ERL_EPMD_PORT");
        start.Environment["RABBITMQ_CTL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}";

        using var cli = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var output = cli.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = cli.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await cli.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            cli.Kill();
            throw;
        }
        if (cli.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl list_queues failed ({cli.ExitCode}): {(await errors).Trim()}");
        }
        using var json = JsonDocument.Parse(await output);
        return json.RootElement.EnumerateArray()
            .Select(q => new QueueDepth(q.GetProperty("name").GetString()!, q.GetProperty("messages").GetInt64(), q.GetProperty("messages_unacknowledged").GetInt64()))
            .OrderBy(q => q.Name, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>One queue and what is in it.</summary>
/// <param name="Name">The queue, e.g. "notifications-participant-nominated_error".</param>
/// <param name="Messages">Messages in it (ready and unacknowledged).</param>
/// <param name="Unacknowledged">Of those, delivered to a consumer and not yet acknowledged.</param>
public sealed record QueueDepth(string Name, long Messages, long Unacknowledged)
{
    /// <summary>MassTransit's error (faulted) and skipped (no consumer) queues: a message there is not handled.</summary>
    public bool IsDeadEnd => Name.EndsWith("_error", StringComparison.Ordinal) || Name.EndsWith("_skipped", StringComparison.Ordinal);
}
