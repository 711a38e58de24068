using System.Runtime.InteropServices;
using Ksst.Bench;
using Ksst.Bench.Baselines;

// ./ksst bench runs the harness; the harness runs this same program as its echo server.
if (args is [EchoServer.Command])
{
    await EchoServer.RunAsync();
    return 0;
}

var options = BenchOptions.Parse(args);
using var cts = new CancellationTokenSource(options.MaxRunTime);
// Ctrl-C or SIGTERM: stop measuring, then stop the stack in order.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
try
{
    return await Harness.RunAsync(options, cts.Token);
}
catch (Exception ex) when (cts.IsCancellationRequested && ex is OperationCanceledException or Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Cancelled })
{
    // The stack was stopped on the way out (every part disposes what it started).
    Console.Error.WriteLine($"Stopped before the end (interrupted, or past {options.MaxRunTime.TotalMinutes:0} minutes); no report was written.");
    return 130;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    cts.Cancel();
}
