using Ksst.Ops;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await OpsCommand.RunAsync(args, Console.Out, Console.Error, stop.Token);
