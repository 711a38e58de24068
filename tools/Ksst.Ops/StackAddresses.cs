using System.Text.Json;
using Ksst.Contracts.Identity;

namespace Ksst.Ops;

/// <summary>
/// Where the running stack's broker and services listen, from the URL table the AppHost writes
/// when the stack is up (<c>&lt;data root&gt;/urls.json</c>), or as given on the command line.
/// </summary>
/// <param name="DataRoot">The stack's data folder.</param>
/// <param name="Broker">An explicit amqp:// URI (<c>--broker</c> or <c>KSST_BROKER</c>), if any.</param>
internal sealed record StackAddresses(string DataRoot, string? Broker)
{
    private const string UrlTable = "urls.json";

    /// <summary>The broker's amqp:// URI: the explicit one, or the local broker's from the URL table.</summary>
    public Uri BrokerUri()
    {
        if (Broker is { Length: > 0 })
        {
            return new Uri(Broker);
        }
        var (mode, urls) = Read();
        if (mode != "local")
        {
            throw new OpsException($"The stack runs in {mode} mode: give the broker with --broker amqp://guest:<password>@host:port (or KSST_BROKER); the password is in the AppHost's user secrets.");
        }
        var amqp = urls.FirstOrDefault(u => u.Resource == "messaging" && u.What == "AMQP")
            ?? throw new OpsException($"The URL table {TablePath} lists no AMQP address.");
        var address = Loopback(new Uri(amqp.Address));
        // The local broker takes guest/guest from loopback only (see the table's note).
        return new Uri($"amqp://guest:guest@{address.Host}:{address.Port}");
    }

    /// <summary>The gRPC address of <paramref name="service"/> (e.g. "registration").</summary>
    public Uri GrpcUri(string service)
    {
        var (_, urls) = Read();
        var grpc = urls.FirstOrDefault(u => u.Resource == service && u.What.StartsWith("gRPC", StringComparison.Ordinal))
            ?? throw new OpsException($"The URL table {TablePath} lists no gRPC address of '{service}'.");
        return Loopback(new Uri(grpc.Address));
    }

    /// <summary>The identity service's issuer (its "http" URL), whose discovery document names its endpoints.</summary>
    public Uri IssuerUri()
    {
        var (_, urls) = Read();
        var issuer = urls.FirstOrDefault(u => u.Resource == "identity" && u.What == "OpenID Connect issuer")
            ?? throw new OpsException($"The URL table {TablePath} lists no OpenID Connect issuer of 'identity'.");
        return new Uri(issuer.Address);
    }

    /// <summary>The stack's demo clients and users (<c>identity/demo-credentials.json</c> in the data folder).</summary>
    public DemoCredentials ReadDemoCredentials()
    {
        var path = DemoCredentials.PathUnder(DataRoot);
        return File.Exists(path)
            ? DemoCredentials.Read(path)
            : throw new OpsException($"No {path}: the AppHost writes it when the stack first starts (./ksst run).");
    }

    private string TablePath => Path.Combine(DataRoot, UrlTable);

    private (string Mode, IReadOnlyList<Line> Urls) Read()
    {
        if (!File.Exists(TablePath))
        {
            throw new OpsException($"No {TablePath}: is the stack running (./ksst run)? Another data folder is given with --data-root.");
        }
        var table = JsonSerializer.Deserialize<Table>(File.ReadAllText(TablePath), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new OpsException($"{TablePath} is empty.");
        return (table.Mode, table.Urls);
    }

    /// <summary>"localhost" may resolve to ::1 first, where the local servers do not listen.</summary>
    private static Uri Loopback(Uri uri) =>
        uri.Host == "localhost" ? new UriBuilder(uri) { Host = "127.0.0.1" }.Uri : uri;

    private sealed record Table(string Mode, IReadOnlyList<Line> Urls);

    private sealed record Line(string Resource, string What, string Address);
}

/// <summary>A mistake or condition the operator can act on: printed without a stack trace.</summary>
internal sealed class OpsException(string message) : Exception(message);
