using System.Security.Claims;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Ksst.Platform.Audit;
using Ksst.Platform.Sqlite;
using Ksst.ServiceDefaults.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Ksst.UnitTests.Platform.Audit;

/// <summary>
/// A service's real database on a fresh SQLite file, registered as the service registers it (its
/// unit of work, its audit log, the current call read from the HTTP context), on a clock the
/// test moves. <see cref="Call"/> makes what follows run inside an RPC, as ASP.NET Core would.
/// </summary>
internal sealed class AuditDatabase<TContext> : IAsyncDisposable where TContext : DbContext
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ksst-audit-{Guid.NewGuid():N}.db");
    private readonly IHost _host;

    /// <summary>
    /// The database of <paramref name="service"/> ("registration", …), migrated; the current call
    /// registered as the service defaults register it, or per request scope when <paramref name="scopedCurrentCall"/>.
    /// </summary>
    public AuditDatabase(string service, bool scopedCurrentCall = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new($"ConnectionStrings:{service}-db", $"Data Source={_file};Pooling=False")]);
        // As in Development: a scoped service resolved from the root is an error, not a quiet singleton.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true }));
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        if (scopedCurrentCall)
        {
            builder.Services.AddHttpContextAccessor();
            builder.Services.AddScoped<ICurrentCall, HttpCurrentCall>();
        }
        else
        {
            builder.Services.AddCurrentCall();
        }
        builder.AddServiceDatabase<TContext>($"{service}-db");
        builder.AddAuditLog<TContext>(service);
        _host = builder.Build();
        using var scope = _host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TContext>().Database.Migrate();
    }

    /// <summary>The clock, at 1 March 2027 08:00 UTC until moved.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The registrations.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>A scope: a context and its unit of work.</summary>
    public (AsyncServiceScope Scope, TContext Db, UnitOfWork<TContext> UnitOfWork) Open()
    {
        var scope = _host.Services.CreateAsyncScope();
        return (scope, scope.ServiceProvider.GetRequiredService<TContext>(), scope.ServiceProvider.GetRequiredService<UnitOfWork<TContext>>());
    }

    /// <summary>Runs one unit of work in a scope of its own.</summary>
    public async Task RunAsync(Func<TContext, Task> work)
    {
        var (scope, db, unitOfWork) = Open();
        await using (scope)
        {
            await unitOfWork.RunAsync(_ => work(db), CancellationToken.None);
        }
    }

    /// <summary>
    /// Until disposed, what runs here is inside the RPC <paramref name="method"/> (e.g.
    /// "/ksst.x.v1.S/M") of a caller with these claims, or of no verified caller when <paramref name="subject"/> is null.
    /// </summary>
    public IDisposable Call(string method, string? subject, string? role, string? clientId)
    {
        var parts = method.Trim('/').Split('/');
        var request = _host.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = request.ServiceProvider };
        if (subject is not null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimNames.Subject, subject), new Claim(ClaimNames.Role, role ?? ""), new Claim(ClaimNames.ClientId, clientId ?? "")], "test"));
        }
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(
            new GrpcMethodMetadata(typeof(object), new Method<byte[], byte[]>(MethodType.Unary, parts[0], parts[1], Raw, Raw))), method));
        var accessor = _host.Services.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = context;
        return new Ending(() =>
        {
            accessor.HttpContext = null;
            request.Dispose();
        });
    }

    /// <summary>Every entry, oldest first, read with a fresh context.</summary>
    public async Task<IReadOnlyList<AuditEntry>> EntriesAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TContext>().Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Every column of every stored entry as the file holds it, one text per row.</summary>
    public async Task<IReadOnlyList<string>> RawEntriesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM audit_entries ORDER BY Id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    /// <summary>Runs <paramref name="sql"/> on a connection of its own, as an operator's shell would.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Task.Yield();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    private sealed class Ending(Action end) : IDisposable
    {
        public void Dispose() => end();
    }
}
