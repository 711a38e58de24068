using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.IntegrationTests.Nominations;

/// <summary>
/// Nominations arriving together are committed together (group commit); each must still be
/// judged as if it were alone, including against the others of its group.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class GroupCommitTests(StackFixture stack)
{
    private readonly NominationsClient _nominations = new(stack.Channel("registration"));

    private async Task<StatusCode> OutcomeAsync(NominateRequest request)
    {
        try
        {
            await _nominations.NominateAsync(request, deadline: DateTime.UtcNow + StackFixture.Timeout);
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    [Fact]
    public async Task Parallel_nominations_repeating_a_passport_or_an_email_store_one_of_each_pair()
    {
        var batch = await TestBatches.OpenAsync(stack, capacity: 50, quota: 20);
        var pairs = new List<NominateRequest>();
        for (var i = 0; i < 10; i++)
        {
            var first = TestBatches.Nomination(batch.BatchId, "NP");
            var samePassport = TestBatches.Nomination(batch.BatchId, "LK");
            samePassport.Participant.PassportNumber = first.Participant.PassportNumber;
            var second = TestBatches.Nomination(batch.BatchId, "BD");
            var sameEmail = TestBatches.Nomination(batch.BatchId, "PK");
            sameEmail.Participant.Email = second.Participant.Email;
            pairs.AddRange([first, samePassport, second, sameEmail]);
        }

        var outcomes = await Task.WhenAll(pairs.Select(OutcomeAsync));

        Assert.Equal(20, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(20, outcomes.Count(o => o == StatusCode.AlreadyExists));
        var counts = await _nominations.CountNominationsAsync(new CountNominationsRequest { BatchId = batch.BatchId }, deadline: DateTime.UtcNow + StackFixture.Timeout);
        Assert.Equal(20, counts.Total);
    }

    [Fact]
    public async Task Parallel_retries_of_one_request_id_store_one_nomination_and_all_get_it()
    {
        var batch = await TestBatches.OpenAsync(stack);
        var request = TestBatches.Nomination(batch.BatchId, "MY");
        request.RequestId = $"retry-{Guid.NewGuid():N}";

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            _nominations.NominateAsync(request, deadline: DateTime.UtcNow + StackFixture.Timeout).ResponseAsync));

        Assert.Single(results.Select(n => n.NominationId).Distinct());
        var counts = await _nominations.CountNominationsAsync(new CountNominationsRequest { BatchId = batch.BatchId }, deadline: DateTime.UtcNow + StackFixture.Timeout);
        Assert.Equal(1, counts.Total);
    }
}
