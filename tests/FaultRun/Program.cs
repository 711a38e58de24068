using System.Runtime.InteropServices;
using Ksst.FaultRun;

// ./ksst chaos [options]: the full fault run (about 20 minutes); --short for the version in ./ksst test.
FaultRunOptions options;
try
{
    options = FaultRunOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var cts = new CancellationTokenSource();
// Ctrl-C or SIGTERM: stop the load and the faults, let frozen processes run, then stop the stack in order.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
var log = TextWriter.Synchronized(Console.Error);
try
{
    var report = await FaultRunEngine.RunAsync(options, log, cts.Token);
    var text = report.ToString();
    Console.WriteLine(text);
    var folder = Path.Combine(".ksst", "chaos");
    Directory.CreateDirectory(folder);
    await File.WriteAllTextAsync(Path.Combine(folder, "latest.txt"), text);
    log.WriteLine($"Report written to {Path.GetFullPath(Path.Combine(folder, "latest.txt"))}.");
    return report.Passed ? 0 : 1;
}
catch (OperationCanceledException)
{
    log.WriteLine(cts.IsCancellationRequested
        ? "Interrupted: the stack and every process it started were stopped; no report was written."
        : $"Stopped after {options.MaxRunTime.TotalMinutes:0} minutes (the run's bound): the stack and every process it started were stopped; no report was written.");
    return 130;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    cts.Cancel();
}
