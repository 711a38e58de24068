namespace Ksst.Registration.Batches;

/// <summary>Where a batch stands.</summary>
public enum BatchStatus
{
    /// <summary>Being prepared.</summary>
    Draft = 1,
    /// <summary>Taking nominations.</summary>
    Open = 2,
    /// <summary>No more nominations; decisions go on.</summary>
    Closed = 3,
    /// <summary>Under way.</summary>
    Running = 4,
    /// <summary>Over.</summary>
    Completed = 5,
}
