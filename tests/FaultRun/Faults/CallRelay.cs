using System.Net;
using System.Net.Sockets;

namespace Ksst.FaultRun.Faults;

/// <summary>
/// A TCP relay on loopback that one service's calls to another go through (the AppHost points
/// the caller's service discovery at it), so that those calls alone can be made to fail while both
/// services run on. Open, it forwards bytes both ways. Cut, it forwards nothing: calls under way
/// and new connections hang, unanswered, until the caller's deadline. Restored, it drops the
/// connections that hung, so callers reconnect, and forwards again.
/// </summary>
public sealed class CallRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource<Func<Uri>> _target = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<Connection> _connections = [];
    private readonly Task _accepting;
    private TaskCompletionSource _open = Opened();
    private long _relayed;

    /// <summary>Starts listening on a free loopback port; connections wait until <see cref="Target"/> is set.</summary>
    public CallRelay()
    {
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The address callers are given, e.g. http://127.0.0.1:40123.</summary>
    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>Connections relayed so far.</summary>
    public long Relayed => Interlocked.Read(ref _relayed);

    /// <summary>Where connections go, read for each new connection (the address may only be known once the stack runs).</summary>
    public Func<Uri> Target
    {
        set => _target.TrySetResult(value);
    }

    /// <summary>Stops forwarding: everything through the relay hangs from now on.</summary>
    public void Cut()
    {
        lock (_connections)
        {
            if (_open.Task.IsCompleted)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Drops every connection that hung and forwards again.</summary>
    public void Restore()
    {
        List<Connection> hung;
        lock (_connections)
        {
            hung = [.. _connections];
            _open.TrySetResult();
        }
        hung.ForEach(c => c.Close());
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private Task WhenOpen(CancellationToken ct)
    {
        lock (_connections)
        {
            return _open.Task.WaitAsync(ct);
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => RelayAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var connection = new Connection(client, _stop.Token);
        lock (_connections)
        {
            _connections.Add(connection);
        }
        try
        {
            var ct = connection.Closing;
            var target = (await _target.Task.WaitAsync(ct))();
            await WhenOpen(ct);
            // Everything here is on loopback; "localhost" could also mean ::1, where nothing listens.
            await connection.Server.ConnectAsync(target.IsLoopback ? IPAddress.Loopback : IPAddress.Parse(target.Host), target.Port, ct);
            Interlocked.Increment(ref _relayed);
            using var fromClient = client.GetStream();
            using var fromServer = connection.Server.GetStream();
            await Task.WhenAny(PumpAsync(fromClient, fromServer, ct), PumpAsync(fromServer, fromClient, ct));
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The caller, the target or the relay went away: the connection ends, as a real one would.
        }
        finally
        {
            lock (_connections)
            {
                _connections.Remove(connection);
            }
            connection.Close();
        }
    }

    /// <summary>Copies one direction, holding each chunk while the relay is cut.</summary>
    private async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
        {
            await WhenOpen(ct);
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }

    /// <summary>Stops listening and drops every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Restore();
        _stop.Dispose();
    }

    /// <summary>One relayed connection: the caller's socket, the one to the target, and a way to end both.</summary>
    private sealed class Connection(TcpClient client, CancellationToken relayStopping)
    {
        private readonly CancellationTokenSource _closing = CancellationTokenSource.CreateLinkedTokenSource(relayStopping);

        public TcpClient Server { get; } = new();

        public CancellationToken Closing => _closing.Token;

        public void Close()
        {
            try
            {
                _closing.Cancel();
                _closing.Dispose();
            }
            catch (ObjectDisposedException)
            {
                // Closed before.
            }
            client.Dispose();
            Server.Dispose();
        }
    }
}
