using Ksst.Registration.Batches;
using Ksst.Registration.Nominations;

namespace Ksst.UnitTests.Registration;

public sealed class LifecycleTests
{
    [Theory]
    [InlineData(NominationStatus.Nominated, NominationStatus.Accepted)]
    [InlineData(NominationStatus.Nominated, NominationStatus.Waitlisted)]
    [InlineData(NominationStatus.Nominated, NominationStatus.Rejected)]
    [InlineData(NominationStatus.Waitlisted, NominationStatus.Accepted)]
    [InlineData(NominationStatus.Accepted, NominationStatus.Confirmed)]
    [InlineData(NominationStatus.Accepted, NominationStatus.Rejected)]
    [InlineData(NominationStatus.Confirmed, NominationStatus.Attended)]
    [InlineData(NominationStatus.Nominated, NominationStatus.Withdrawn)]
    [InlineData(NominationStatus.Waitlisted, NominationStatus.Withdrawn)]
    [InlineData(NominationStatus.Accepted, NominationStatus.Withdrawn)]
    [InlineData(NominationStatus.Confirmed, NominationStatus.Withdrawn)]
    public void Nominations_make_the_listed_moves(NominationStatus from, NominationStatus to) =>
        Assert.True(NominationLifecycle.CanMove(from, to));

    [Theory]
    [InlineData(NominationStatus.Nominated, NominationStatus.Confirmed)]
    [InlineData(NominationStatus.Nominated, NominationStatus.Attended)]
    [InlineData(NominationStatus.Waitlisted, NominationStatus.Confirmed)]
    [InlineData(NominationStatus.Accepted, NominationStatus.Attended)]
    [InlineData(NominationStatus.Rejected, NominationStatus.Accepted)]
    [InlineData(NominationStatus.Withdrawn, NominationStatus.Accepted)]
    [InlineData(NominationStatus.Attended, NominationStatus.Withdrawn)]
    [InlineData(NominationStatus.Confirmed, NominationStatus.Accepted)]
    public void Nominations_make_no_other_move(NominationStatus from, NominationStatus to) =>
        Assert.False(NominationLifecycle.CanMove(from, to));

    [Fact]
    public void Every_status_has_its_moves_defined()
    {
        foreach (var from in Enum.GetValues<NominationStatus>())
        {
            foreach (var to in Enum.GetValues<NominationStatus>())
            {
                _ = NominationLifecycle.CanMove(from, to); // throws for a status missing from the table
            }
        }
        foreach (var from in Enum.GetValues<BatchStatus>())
        {
            _ = BatchLifecycle.CanMove(from, BatchStatus.Open);
        }
    }

    [Theory]
    [InlineData(BatchStatus.Draft, BatchStatus.Open, true)]
    [InlineData(BatchStatus.Open, BatchStatus.Closed, true)]
    [InlineData(BatchStatus.Closed, BatchStatus.Open, true)]
    [InlineData(BatchStatus.Closed, BatchStatus.Running, true)]
    [InlineData(BatchStatus.Running, BatchStatus.Completed, true)]
    [InlineData(BatchStatus.Draft, BatchStatus.Running, false)]
    [InlineData(BatchStatus.Open, BatchStatus.Running, false)]
    [InlineData(BatchStatus.Completed, BatchStatus.Open, false)]
    [InlineData(BatchStatus.Running, BatchStatus.Open, false)]
    public void Batches_move_only_forward_or_reopen(BatchStatus from, BatchStatus to, bool allowed) =>
        Assert.Equal(allowed, BatchLifecycle.CanMove(from, to));
}
