using System.Globalization;
using Ksst.FaultRun.Checks;
using Ksst.FaultRun.Faults;
using Ksst.FaultRun.Load;
using Ksst.FaultRun.Observations;
using Aspire.Hosting.Testing;
using Ksst.StackHarness;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using ProgrammesClient = Ksst.Contracts.Registration.V1.Programmes.ProgrammesClient;

namespace Ksst.FaultRun;

/// <summary>
/// One fault run: starts the real stack in local mode (product settings, except that the dev mail
/// server keeps every message, across its own restarts too), opens the batches, sends the
/// nominations at a steady rate while the faults happen one at a time, waits (bounded) until the
/// system is quiet, gathers what every service holds, checks it, and stops the stack and every
/// process it started. Bounded by <see cref="FaultRunOptions.MaxRunTime"/>; cancelling stops it all.
/// </summary>
public static class FaultRunEngine
{
    /// <summary>Runs the fault run <paramref name="options"/> describes; progress goes to <paramref name="log"/>.</summary>
    public static async Task<FaultRunReport> RunAsync(FaultRunOptions options, TextWriter log, CancellationToken cancellation)
    {
        options = options.Validated();
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        bounded.CancelAfter(options.MaxRunTime);
        var ct = bounded.Token;
        var started = DateTimeOffset.UtcNow;
        var runId = Guid.NewGuid().ToString("N")[..8];
        var nominees = new Nominees(options, runId);
        // Notifications calls Registration through a relay of the run's own, so those calls alone can fail.
        await using var contactCalls = new CallRelay();
        log.WriteLine($"{Durations.Now} fault run {runId}: {options.Nominations:N0} nominations at {options.Rate.ToString("0.##", CultureInfo.InvariantCulture)}/s " +
            $"(about {Durations.Text(TimeSpan.FromSeconds(options.Nominations / options.Rate))}); starting the stack…");

        var stack = await LocalStack.StartAsync(new LocalStackOptions
        {
            Label = "faultrun",
            Settings =
            [
                .. LocalStack.NoTelemetryExport,
                // Every email of the run stays in the dev inbox, across the mail server's own outage too.
                $"--Ksst:Mail:MessagesToKeep={options.MailToKeep}",
                "--Ksst:Mail:SessionsToKeep=100", // the SMTP session log is not read
                "--Ksst:Mail:KeepAcrossRestarts=true",
                $"--Ksst:Env:notifications:services__registration__grpc__0={contactCalls.Address}",
            ],
        }, ct);
        contactCalls.Target = () => stack.App.GetEndpoint("registration", "grpc");
        var startup = DateTimeOffset.UtcNow - started;
        var watch = new ProcessWatch(stack);
        using var mailHttp = stack.Http("mail", TimeSpan.FromSeconds(30));
        await using var mailbox = new Mailbox(mailHttp);
        var schedule = new FaultSchedule(options, contactCalls, mailbox);
        Evidence? evidence = null;
        List<CheckResult> checks = [];
        try
        {
            evidence = await RunOnAsync(stack, options, nominees, schedule, mailbox, log, ct);
            checks =
            [
                AcceptedCallsCheck.Judge(evidence),
                RefusalCheck.Judge(evidence),
                RosterCheck.Judge(evidence),
                EmailCheck.Judge(evidence),
                BrokerCheck.Judge(evidence),
                OutboxCheck.Judge(evidence),
                RunChecks.FaultsHealed(evidence, schedule.Faults.Count),
                RunChecks.Quiet(evidence),
            ];
            stack.KeepData = options.KeepDataOnFailure && checks.Any(c => !c.Passed);
        }
        finally
        {
            log.WriteLine($"{Durations.Now} stopping the stack…");
            watch.Note();
            await stack.DisposeAsync();
            var left = await watch.LeftAfterStopAsync(TimeSpan.FromSeconds(15));
            checks.Add(CheckResult.From("No process of the stack is left after it stopped",
                left.Select(p => $"{p.Name} (pid {p.Id}) was still running; stopped with SIGKILL").ToList(),
                $"{watch.Seen} processes of the stack seen during the run, {left.Count} left"));
            if (evidence is null)
            {
                log.WriteLine($"{Durations.Now} the run ended early; {string.Join("; ", checks.Select(c => $"{c.Name}: {c.Summary}"))}");
            }
        }
        return new FaultRunReport(options, started, DateTimeOffset.UtcNow, startup, evidence, checks, stack.KeepData ? stack.DataRoot : null);
    }

    private static async Task<Evidence> RunOnAsync(LocalStack stack, FaultRunOptions options, Nominees nominees, FaultSchedule schedule, Mailbox mailbox, TextWriter log, CancellationToken ct)
    {
        var registration = stack.Channel("registration");
        var views = new ServiceViews(registration, stack.Channel("scheduling"), stack.Channel("notifications"), [.. nominees.BatchIds]);
        var queues = new BrokerQueues(stack);

        log.WriteLine($"{Durations.Now} opening {options.Batches} batches; then {schedule.Faults.Count} faults, at least {Durations.Text(schedule.PlannedTime)}…");
        await nominees.OpenBatchesAsync(new ProgrammesClient(registration), ct);

        LoadResult load;
        IReadOnlyList<FaultRecord> faults;
        using (var control = new StackControl(stack))
        {
            var loading = new NominationLoad(options, nominees, new NominationsClient(registration)).RunAsync(log, ct);
            var faulting = schedule.RunAsync(control, log, ct);
            // Completes once both have ended, even when one fails, so nothing runs on past here.
            await Task.WhenAll(loading, faulting);
            (load, faults) = (await loading, await faulting);
        }
        log.WriteLine($"{Durations.Now} load and faults done: {load.Accepted.Count():N0} of {load.Nominations:N0} nominations answered OK; draining…");

        var nominations = await views.NominationsAsync(ct);
        var byBatch = nominations.ToLookup(n => n.BatchId, n => n.NominationId);
        var drain = await new Quiescence(options, views, queues, stack.DataRoot).WaitAsync(batch => byBatch[batch], log, ct);

        log.WriteLine($"{Durations.Now} gathering what every service holds…");
        nominations = await views.NominationsAsync(ct);
        byBatch = nominations.ToLookup(n => n.BatchId, n => n.NominationId);
        return new Evidence(
            [.. nominees.BatchIds],
            load,
            faults,
            drain,
            nominations,
            await views.RosterAsync(ct),
            await views.DeliveriesAsync(batch => byBatch[batch], ct),
            await mailbox.FinishAsync(ct),
            await queues.ListAsync(ct),
            await OutboxRows.ReadAsync(stack.DataRoot, ct));
    }
}
