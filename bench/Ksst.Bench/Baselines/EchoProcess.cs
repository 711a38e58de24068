using System.Diagnostics;
using Grpc.Net.Client;
using Ksst.StackHarness;

namespace Ksst.Bench.Baselines;

/// <summary>The echo server as a child process of the harness, stopped when disposed.</summary>
public sealed class EchoProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EchoProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where it listens (h2c).</summary>
    public Uri Address { get; }

    /// <summary>Starts the server and waits until it answers.</summary>
    public static async Task<EchoProcess> StartAsync(CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, [EchoServer.Command])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        var address = await process.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), ct)
            ?? throw new InvalidOperationException("The echo server exited before it listened.");
        var echo = new EchoProcess(process, new Uri(address));
        using var channel = Channels.Create(echo.Address);
        var client = new Echo.EchoClient(channel);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await client.EchoAsync(new EchoMessage(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: ct);
                return echo;
            }
            catch (Grpc.Core.RpcException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, ct);
            }
        }
    }

    /// <summary>The server's process id (for its memory).</summary>
    public int ProcessId => _process.Id;

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or IOException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
