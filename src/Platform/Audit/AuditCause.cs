namespace Ksst.Platform.Audit;

/// <summary>
/// What the service is doing on its own (outside any RPC), for the audit log's "rpc" of the
/// changes it makes: set around a consumer ("consume &lt;queue&gt;", by the messaging pipeline), a
/// background loop ("loop &lt;name&gt;") or a seeder ("seed &lt;name&gt;"). It flows with the async
/// work begun inside it and ends when disposed.
/// </summary>
public static class AuditCause
{
    private static readonly AsyncLocal<string?> Ambient = new();

    /// <summary>The work named by the innermost <see cref="Begin"/> around the caller, if any.</summary>
    public static string? Current => Ambient.Value;

    /// <summary>Names the work done until the result is disposed.</summary>
    public static IDisposable Begin(string work)
    {
        var outer = Ambient.Value;
        Ambient.Value = work;
        return new Restore(outer);
    }

    /// <summary>The work of a background loop.</summary>
    public static IDisposable Loop(string name) => Begin($"loop {name}");

    private sealed class Restore(string? outer) : IDisposable
    {
        public void Dispose() => Ambient.Value = outer;
    }
}
