using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.IntegrationTests.Registration;

/// <summary>Capacity, quotas and the waitlist through the running Registration service.</summary>
[Collection(StackCollection.Name)]
public sealed class AdmissionTests(StackFixture stack)
{
    private readonly NominationsClient _nominations = new(stack.Channel("registration"));

    private static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    private Task<Nomination> NominateAsync(string batch, string country, string? requestId = null)
    {
        var request = TestBatches.Nomination(batch, country);
        request.RequestId = requestId ?? "";
        return _nominations.NominateAsync(request, deadline: Deadline).ResponseAsync;
    }

    [Fact]
    public async Task Sixty_parallel_nominations_for_twenty_seats_never_break_capacity_or_quotas()
    {
        var batch = await TestBatches.OpenAsync(stack, capacity: 20, quota: 2, admitOnArrival: true);
        string[] countries = ["AF", "BD", "BT", "ID", "IN", "LA", "LK", "MM", "NP", "PK", "MY", "TH", "VN", "PH", "MN"];

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => NominateAsync(batch.BatchId, countries[i % countries.Length])));

        Assert.Equal(20, results.Count(n => n.Status == NominationStatus.Accepted));
        Assert.Equal(40, results.Count(n => n.Status == NominationStatus.Waitlisted));
        Assert.All(results.Where(n => n.Status == NominationStatus.Accepted).GroupBy(n => n.NominatingCountry), g => Assert.True(g.Count() <= 2, g.Key));
        var counts = await _nominations.CountNominationsAsync(new CountNominationsRequest { BatchId = batch.BatchId }, deadline: Deadline);
        Assert.Equal(60, counts.Total);
        Assert.Equal(20, counts.SeatsTaken);
    }

    [Fact]
    public async Task A_withdrawal_promotes_the_oldest_waitlisted_nomination_that_fits_and_says_so()
    {
        var batch = await TestBatches.OpenAsync(stack, capacity: 2, quota: 1, admitOnArrival: true);
        await using var events = await BrokerSubscription.StartAsync(stack, "ksst.registration.participant-promoted-from-waitlist.v1");

        var lk1 = await NominateAsync(batch.BatchId, "LK");
        var lk2 = await NominateAsync(batch.BatchId, "LK"); // LK at quota
        var np = await NominateAsync(batch.BatchId, "NP");
        var id = await NominateAsync(batch.BatchId, "ID");  // batch full
        Assert.Equal(
            [NominationStatus.Accepted, NominationStatus.Waitlisted, NominationStatus.Accepted, NominationStatus.Waitlisted],
            new[] { lk1, lk2, np, id }.Select(n => n.Status));

        await _nominations.WithdrawNominationAsync(new ChangeNominationRequest { NominationId = lk1.NominationId, Reason = "Visa refused" }, deadline: Deadline);

        var promoted = await _nominations.GetNominationAsync(new GetNominationRequest { NominationId = lk2.NominationId }, deadline: Deadline);
        Assert.Equal(NominationStatus.Accepted, promoted.Status);
        var stillWaiting = await _nominations.GetNominationAsync(new GetNominationRequest { NominationId = id.NominationId }, deadline: Deadline);
        Assert.Equal(NominationStatus.Waitlisted, stillWaiting.Status);

        var body = await events.WaitForAsync(lk2.NominationId, StackFixture.Timeout);
        Assert.Contains(batch.BatchId, body);
        Assert.DoesNotContain("passport", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("+977", body);
    }

    [Fact]
    public async Task A_retried_nominate_with_the_same_request_id_returns_the_first_nomination()
    {
        var batch = await TestBatches.OpenAsync(stack);
        var request = TestBatches.Nomination(batch.BatchId, "BT");
        request.RequestId = $"retry-{Guid.NewGuid():N}";

        var first = await _nominations.NominateAsync(request, deadline: Deadline);
        var retries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _nominations.NominateAsync(request, deadline: Deadline).ResponseAsync));

        Assert.All(retries, r => Assert.Equal(first.NominationId, r.NominationId));
        var all = await _nominations.ListNominationsAsync(new ListNominationsRequest { BatchId = batch.BatchId }, deadline: Deadline);
        Assert.Single(all.Nominations);
    }

    [Fact]
    public async Task The_same_passport_or_email_twice_in_a_batch_already_exists()
    {
        var batch = await TestBatches.OpenAsync(stack);
        var first = TestBatches.Nomination(batch.BatchId, "IN");
        await _nominations.NominateAsync(first, deadline: Deadline);

        var samePassport = TestBatches.Nomination(batch.BatchId, "IN");
        samePassport.Participant.PassportNumber = first.Participant.PassportNumber.ToLowerInvariant();
        var sameEmail = TestBatches.Nomination(batch.BatchId, "IN");
        sameEmail.Participant.Email = first.Participant.Email.ToUpperInvariant();

        foreach (var duplicate in new[] { samePassport, sameEmail })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => _nominations.NominateAsync(duplicate, deadline: Deadline).ResponseAsync);
            Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        }
    }

    [Fact]
    public async Task Closed_batches_and_impossible_moves_fail_their_precondition()
    {
        // The demo's batch 3 is closed for nominations.
        var closed = await Assert.ThrowsAsync<RpcException>(() => _nominations.NominateAsync(TestBatches.Nomination("ksst-sme-2018", "LK"), deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, closed.StatusCode);
        Assert.Contains("Closed", closed.Status.Detail);

        var batch = await TestBatches.OpenAsync(stack);
        var nomination = await NominateAsync(batch.BatchId, "MV");
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _nominations.ConfirmNominationAsync(new ChangeNominationRequest { NominationId = nomination.NominationId }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("is Nominated", error.Status.Detail);
    }

    [Fact]
    public async Task Listing_filters_by_status_and_country_and_pages()
    {
        var batch = await TestBatches.OpenAsync(stack, capacity: 3, quota: 3, admitOnArrival: true);
        foreach (var country in new[] { "SG", "SG", "SG", "SG", "JP" })
        {
            await NominateAsync(batch.BatchId, country);
        }

        var waitlisted = await _nominations.ListNominationsAsync(new ListNominationsRequest { BatchId = batch.BatchId, Status = NominationStatus.Waitlisted }, deadline: Deadline);
        Assert.Equal(2, waitlisted.Nominations.Count);
        var japan = await _nominations.ListNominationsAsync(new ListNominationsRequest { BatchId = batch.BatchId, Country = "JP" }, deadline: Deadline);
        Assert.Equal("JP", Assert.Single(japan.Nominations).NominatingCountry);

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await _nominations.ListNominationsAsync(new ListNominationsRequest { BatchId = batch.BatchId, PageSize = 2, PageToken = token }, deadline: Deadline);
            Assert.True(page.Nominations.Count <= 2);
            seen.AddRange(page.Nominations.Select(n => n.NominationId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal(5, seen.Distinct().Count());
    }
}
