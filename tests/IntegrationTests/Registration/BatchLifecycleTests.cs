using Aspire.Hosting.ApplicationModel;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Microsoft.Extensions.DependencyInjection;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using ProgrammesClient = Ksst.Contracts.Registration.V1.Programmes.ProgrammesClient;

namespace Ksst.IntegrationTests.Registration;

/// <summary>Batch status moves, deadlines and the privacy of what Registration logs.</summary>
[Collection(StackCollection.Name)]
public sealed class BatchLifecycleTests(StackFixture stack)
{
    private readonly ProgrammesClient _programmes = new(stack.Channel("registration"));
    private readonly NominationsClient _nominations = new(stack.Channel("registration"));

    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    [Fact]
    public async Task A_move_that_does_not_exist_names_the_current_status()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _programmes.ChangeBatchStatusAsync(
            new ChangeBatchStatusRequest { BatchId = "ksst-sme-2016", Status = BatchStatus.Open }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("is Completed", error.Status.Detail);
    }

    [Fact]
    public async Task Nominations_after_the_deadline_fail_their_precondition()
    {
        var batch = await TestBatches.OpenAsync(stack);
        batch.NominationDeadline = Timestamp.FromDateTime(DateTime.UtcNow.AddSeconds(2));
        await _programmes.UpdateBatchAsync(new UpdateBatchRequest { Batch = batch }, deadline: Deadline);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _nominations.NominateAsync(TestBatches.Nomination(batch.BatchId, "TH"), deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("deadline", error.Status.Detail);
    }

    [Fact]
    public async Task Capacity_cannot_drop_below_the_seats_taken()
    {
        var batch = await TestBatches.OpenAsync(stack, capacity: 3, quota: 3, admitOnArrival: true);
        for (var i = 0; i < 3; i++)
        {
            await _nominations.NominateAsync(TestBatches.Nomination(batch.BatchId, "KR"), deadline: Deadline);
        }
        batch.Capacity = 2;
        batch.CountryQuota = 2;
        var error = await Assert.ThrowsAsync<RpcException>(() => _programmes.UpdateBatchAsync(new UpdateBatchRequest { Batch = batch }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task Passport_and_phone_numbers_never_reach_the_logs()
    {
        var batch = await TestBatches.OpenAsync(stack);
        var request = TestBatches.Nomination(batch.BatchId, "FJ");
        request.Participant.PassportNumber = "ZQ7391846";
        request.Participant.Phone = "+679 555 0199";
        var nomination = await _nominations.NominateAsync(request, deadline: Deadline);
        // A duplicate and a bad request exercise the error paths, which log.
        await Assert.ThrowsAsync<RpcException>(() => _nominations.NominateAsync(request.Clone().WithRequestId(""), deadline: Deadline).ResponseAsync);
        var bad = request.Clone();
        bad.Participant.Email = "not-an-email";
        await Assert.ThrowsAsync<RpcException>(() => _nominations.NominateAsync(bad, deadline: Deadline).ResponseAsync);
        await _nominations.WithdrawNominationAsync(new ChangeNominationRequest { NominationId = nomination.NominationId }, deadline: Deadline);

        // Let the consumers handle the events, then stop watching.
        await Eventually.Get(async ct => (await new MailServer(stack.Http("mail")).FindToAsync(request.Participant.Email, ct)), StackFixture.Timeout, "the nomination's email");
        await Task.Delay(TimeSpan.FromSeconds(2));

        var logs = stack.App.Services.GetRequiredService<ResourceLoggerService>();
        var model = stack.App.Services.GetRequiredService<DistributedApplicationModel>();
        var all = new List<string>();
        foreach (var name in new[] { "registration", "notifications", "scheduling" })
        {
            all.AddRange(await ReadLogsAsync(logs, model.Resources.Single(r => r.Name == name)));
        }
        Assert.Contains(all, l => l.Contains("InvalidArgument", StringComparison.Ordinal)); // the watch did see the error paths
        Assert.DoesNotContain(all, l => l.Contains("ZQ7391846", StringComparison.OrdinalIgnoreCase) || l.Contains("555 0199", StringComparison.Ordinal));
    }

    private static async Task<List<string>> ReadLogsAsync(ResourceLoggerService logs, IResource resource)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var lines = new List<string>();
        await foreach (var batch in logs.GetAllAsync(resource).WithCancellation(cts.Token))
        {
            lines.AddRange(batch.Select(l => l.Content));
        }
        return lines;
    }
}

internal static class NominateRequestExtensions
{
    public static NominateRequest WithRequestId(this NominateRequest request, string requestId)
    {
        request.RequestId = requestId;
        return request;
    }
}
