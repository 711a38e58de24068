using System.Net;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.UnitTests.Platform;

/// <summary>Every call from one service to another has a deadline: the caller's, or the default one.</summary>
public sealed class DefaultDeadlineTests
{
    /// <summary>Records the grpc-timeout header of each request and answers 404 (Unimplemented, never retried).</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<string?> Timeouts { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Timeouts.Add(request.Headers.TryGetValues("grpc-timeout", out var values) ? values.Single() : null);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { Version = request.Version, RequestMessage = request });
        }
    }

    private static (ServiceProvider Services, RecordingHandler Handler) Build(string? deadline = null)
    {
        var builder = Host.CreateApplicationBuilder();
        var settings = new Dictionary<string, string?> { ["Services:registration:grpc:0"] = "http://127.0.0.1:5202" };
        if (deadline is not null)
        {
            settings["ServiceCalls:DefaultDeadline"] = deadline;
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        var handler = new RecordingHandler();
        builder.Services.AddServiceGrpcClient<NominationsClient>("registration").ConfigurePrimaryHttpMessageHandler(() => handler);
        return (builder.Services.BuildServiceProvider(), handler);
    }

    private static async Task<TimeSpan> SentTimeoutAsync(string? deadline, DateTime? callerDeadline)
    {
        var (services, handler) = Build(deadline);
        await using var _ = services;
        var client = services.GetRequiredService<NominationsClient>();
        // A call made with a token of its own (as on behalf of a caller) asks the identity service for none.
        var onBehalf = new Metadata { { "authorization", "Bearer caller-token" } };
        var call = client.GetParticipantContactAsync(new GetParticipantContactRequest { NominationId = Guid.NewGuid().ToString() }, onBehalf, callerDeadline);
        var failure = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, failure.StatusCode);
        var header = Assert.Single(handler.Timeouts) ?? throw new Xunit.Sdk.XunitException("The call was sent without a deadline (no grpc-timeout header).");
        return Parse(header);
    }

    /// <summary>A grpc-timeout value: an integer and a unit (H, M, S, m, u, n).</summary>
    private static TimeSpan Parse(string header)
    {
        var amount = long.Parse(header[..^1], System.Globalization.CultureInfo.InvariantCulture);
        return header[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromMicroseconds(amount),
            _ => TimeSpan.FromTicks(amount / 100),
        };
    }

    [Fact]
    public async Task A_call_without_a_deadline_gets_the_default_of_five_seconds()
    {
        var timeout = await SentTimeoutAsync(deadline: null, callerDeadline: null);
        Assert.InRange(timeout, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_default_deadline_is_configurable()
    {
        var timeout = await SentTimeoutAsync(deadline: "00:00:30", callerDeadline: null);
        Assert.InRange(timeout, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_call_with_a_deadline_keeps_it()
    {
        var timeout = await SentTimeoutAsync(deadline: null, callerDeadline: DateTime.UtcNow.AddMinutes(10));
        Assert.InRange(timeout, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }
}
