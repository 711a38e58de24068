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
return await Harness.RunAsync(options, cts.Token);

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    cts.Cancel();
}
