namespace Ksst.Scheduling.Sessions;

/// <summary>One entry of a batch's timetable.</summary>
public sealed class Session
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; }

    /// <summary>The batch.</summary>
    public required string BatchId { get; init; }

    /// <summary>What it is (the API's SessionKind value).</summary>
    public int Kind { get; set; }

    /// <summary>Title.</summary>
    public required string Title { get; set; }

    /// <summary>Description.</summary>
    public string Description { get; set; } = "";

    /// <summary>Where.</summary>
    public required string VenueId { get; set; }

    /// <summary>The host (a speaker id), if any.</summary>
    public string? HostId { get; set; }

    /// <summary>Speakers (speaker ids).</summary>
    public List<string> Speakers { get; set; } = [];

    /// <summary>Most participants the session takes; 0 means the venue's capacity.</summary>
    public int Capacity { get; set; }

    /// <summary>Start (UTC).</summary>
    public DateTimeOffset Start { get; set; }

    /// <summary>End (UTC).</summary>
    public DateTimeOffset End { get; set; }

    /// <summary>Groups attending; empty means the whole batch.</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>For travel: where the leg starts.</summary>
    public string? FromCity { get; set; }

    /// <summary>Cancelled sessions leave the timetable.</summary>
    public bool Cancelled { get; set; }

    /// <summary>Why it was cancelled.</summary>
    public string CancelReason { get; set; } = "";

    /// <summary>
    /// How many changes of the session were told (<see cref="SessionEvents"/>): 1 once scheduled,
    /// one more at each reschedule or cancellation; 0 for one never told (seeded). Its events
    /// carry it, so subscribers apply them in this order whatever the clocks say.
    /// </summary>
    public long Version { get; set; }

    /// <summary>The form the timetable checks use.</summary>
    public PlannedSession ToPlanned(string city) => new(Id, Title, VenueId, city, Start, End, People, Groups, FromCity, BatchId);

    /// <summary>The host and speakers: everyone who leads it.</summary>
    public IReadOnlyList<string> People => HostId is null ? Speakers : [HostId, .. Speakers.Where(s => s != HostId)];
}
