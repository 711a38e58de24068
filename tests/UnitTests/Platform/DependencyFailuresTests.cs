using Grpc.Core;
using Ksst.ServiceDefaults.Calls;
using StackExchange.Redis;

namespace Ksst.UnitTests.Platform;

/// <summary>Only a dependency that is away earns the consumers' long retry; a wrong request keeps the short one.</summary>
public sealed class DependencyFailuresTests
{
    public static TheoryData<Exception> Away() =>
    [
        new RpcException(new Status(StatusCode.Unavailable, "Registration is down")),
        new RpcException(new Status(StatusCode.DeadlineExceeded, "No answer in time")),
        new RpcException(new Status(StatusCode.ResourceExhausted, "Busy")),
        new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No connection"),
        new RedisTimeoutException("Timeout performing GET", CommandStatus.Sent),
        new TimeoutException(),
    ];

    public static TheoryData<Exception> NotAway() =>
    [
        new RpcException(new Status(StatusCode.NotFound, "No such nomination")),
        new RpcException(new Status(StatusCode.InvalidArgument, "Bad id")),
        new RpcException(new Status(StatusCode.Internal, "Bug")),
        new InvalidOperationException(),
    ];

    [Theory]
    [MemberData(nameof(Away))]
    public void A_dependency_that_is_away(Exception failure) => Assert.True(DependencyFailures.IsAway(failure));

    [Theory]
    [MemberData(nameof(NotAway))]
    public void A_failure_of_the_work(Exception failure) => Assert.False(DependencyFailures.IsAway(failure));

    [Fact]
    public void The_dependency_retry_waits_minutes_not_seconds()
    {
        var total = Ksst.Platform.Messaging.MessagingExtensions.DependencyRetryIntervals.Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait);
        Assert.InRange(total, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6));
    }
}
