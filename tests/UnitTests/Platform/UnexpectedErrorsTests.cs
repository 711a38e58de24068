using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Ksst.ServiceDefaults.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ksst.UnitTests.Platform;

public sealed class UnexpectedErrorsTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(517)] // SQLITE_BUSY_SNAPSHOT: an extended code of BUSY
    public void Sqlite_busy_or_locked_is_unavailable_with_a_retry_hint(int code)
    {
        var (answer, unexpected) = UnexpectedErrors.Answer(new SqliteException("SQLite Error 5: 'database is locked'.", code));

        Assert.False(unexpected);
        Assert.Equal(StatusCode.Unavailable, answer.StatusCode);
        Assert.Equal(UnexpectedErrors.BusyMessage, answer.Status.Detail);
        Assert.Equal(1, answer.GetRpcStatus()!.GetDetail<RetryInfo>().RetryDelay.Seconds);
    }

    [Fact]
    public void Sqlite_busy_inside_an_ef_core_update_failure_is_unavailable()
    {
        var failure = new DbUpdateException("An error occurred while saving the entity changes.", new SqliteException("database is locked", 5));

        Assert.Equal(StatusCode.Unavailable, UnexpectedErrors.Answer(failure).Answer.StatusCode);
    }

    [Fact]
    public void A_full_disk_is_unavailable()
    {
        var (answer, _) = UnexpectedErrors.Answer(new DbUpdateException("saving failed", new SqliteException("database or disk is full", 13)));

        Assert.Equal(StatusCode.Unavailable, answer.StatusCode);
        Assert.Equal(UnexpectedErrors.DiskFullMessage, answer.Status.Detail);
    }

    [Fact]
    public void Any_other_exception_is_internal_and_its_text_stays_with_the_service()
    {
        foreach (var e in new Exception[] { new InvalidOperationException("secret path /var/lib/ksst"), new SqliteException("SQLite Error 19: 'UNIQUE constraint failed: nominations.passport'.", 19) })
        {
            var (answer, unexpected) = UnexpectedErrors.Answer(e);

            Assert.True(unexpected);
            Assert.Equal(StatusCode.Internal, answer.StatusCode);
            Assert.Equal(UnexpectedErrors.InternalMessage, answer.Status.Detail);
            Assert.Empty(answer.Trailers);
        }
    }

    private readonly Logs _log = new();

    private Task<string> Call(Func<string> handler, CancellationToken cancelled = default)
    {
        var interceptor = new UnexpectedErrorInterceptor(_log);
        return interceptor.UnaryServerHandler<string, string>("request", new Context(cancelled), (_, _) => Task.FromResult(handler()));
    }

    [Fact]
    public async Task The_interceptor_answers_internal_and_logs_the_exception_once_with_the_method()
    {
        var boom = new InvalidOperationException("Sequence contains no elements");

        var error = await Assert.ThrowsAsync<RpcException>(() => Call(() => throw boom));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("Sequence", error.Status.Detail);
        var entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(boom, entry.Exception);
        Assert.Contains("/ksst.test.v1.Test/Do", entry.Message);
    }

    [Fact]
    public async Task The_interceptor_passes_rpc_exceptions_and_the_callers_cancellation_as_they_are()
    {
        var refused = RpcErrors.InvalidArgument("batch_id", "Required.");
        Assert.Same(refused, await Assert.ThrowsAsync<RpcException>(() => Call(() => throw refused)));

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var cancelled = new OperationCanceledException(cts.Token);
        Assert.Same(cancelled, await Assert.ThrowsAsync<OperationCanceledException>(() => Call(() => throw cancelled, cts.Token)));

        // Cancellation the caller did not ask for (a timeout inside the service) is a failure of the service.
        var inner = await Assert.ThrowsAsync<RpcException>(() => Call(() => throw new TaskCanceledException("HTTP timeout")));
        Assert.Equal(StatusCode.Internal, inner.StatusCode);
    }

    private sealed class Logs : ILogger<UnexpectedErrorInterceptor>
    {
        public List<(LogLevel Level, Exception? Exception, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, exception, formatter(state, exception)));
    }

    private sealed class Context(CancellationToken cancelled) : ServerCallContext
    {
        protected override string MethodCore => "/ksst.test.v1.Test/Do";
        protected override string HostCore => "localhost";
        protected override string PeerCore => "ipv4:127.0.0.1:1";
        protected override DateTime DeadlineCore => DateTime.MaxValue;
        protected override Metadata RequestHeadersCore => [];
        protected override CancellationToken CancellationTokenCore => cancelled;
        protected override Metadata ResponseTrailersCore => [];
        protected override Grpc.Core.Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore => new(null, []);
        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();
        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
