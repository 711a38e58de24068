using Google.Protobuf.WellKnownTypes;
using Ksst.Contracts.Registration.V1;
using Ksst.Contracts.Scheduling.V1;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;
using SchedulingClient = Ksst.Contracts.Scheduling.V1.Scheduling.SchedulingClient;

namespace Ksst.IntegrationTests.Scheduling;

/// <summary>Venues, speakers, participants and sessions for Scheduling tests, made through the real APIs.</summary>
public sealed class SchedulingFixtures(StackFixture stack)
{
    /// <summary>A day inside every test batch (2 March 2027, 00:00 UTC = 07:00 in Jakarta).</summary>
    public static readonly DateTime Day = TestBatches.Start.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public SchedulingClient Scheduling { get; } = new(stack.Channel("scheduling"));

    public NominationsClient Nominations { get; } = new(stack.Channel("registration"));

    public static DateTime Deadline => DateTime.UtcNow + StackFixture.Timeout;

    /// <summary>A new venue with a unique id.</summary>
    public async Task<string> VenueAsync(string name, string city, int capacity = 40)
    {
        var id = $"{name}-{Guid.NewGuid():N}"[..24];
        await Scheduling.CreateVenueAsync(new CreateVenueRequest { Venue = new Venue { VenueId = id, Name = name, City = city, Capacity = capacity } }, deadline: Deadline);
        return id;
    }

    /// <summary>A new speaker with a unique id.</summary>
    public async Task<string> SpeakerAsync(string name)
    {
        var id = $"{name}-{Guid.NewGuid():N}"[..24];
        await Scheduling.CreateSpeakerAsync(new CreateSpeakerRequest { Speaker = new Speaker { SpeakerId = id, Name = name, Institution = "Kemenperin" } }, deadline: Deadline);
        return id;
    }

    /// <summary>A class on <see cref="Day"/> from <paramref name="startHour"/> to <paramref name="endHour"/> (UTC hours).</summary>
    public static Session At(string batch, string venue, string title, int startHour, int endHour) => new()
    {
        BatchId = batch, Kind = SessionKind.Class, Title = title, VenueId = venue,
        Start = Timestamp.FromDateTime(Day.AddHours(startHour)), End = Timestamp.FromDateTime(Day.AddHours(endHour)),
    };

    /// <summary>
    /// Nominates one participant per country to an admit-on-arrival batch (starting on
    /// <paramref name="start"/>, by default <see cref="TestBatches.Start"/>), confirms them when
    /// asked, and waits until Scheduling's roster shows them all.
    /// </summary>
    public async Task<IReadOnlyList<Nomination>> ParticipantsAsync(string batchId, IEnumerable<string> countries, bool confirm, DateOnly? start = null)
    {
        var nominations = new List<Nomination>();
        foreach (var country in countries)
        {
            var request = TestBatches.Nomination(batchId, country, start: start);
            if (start is { } first)
            {
                request.Participant.PassportExpiry = first.AddYears(2).ToString("yyyy-MM-dd"); // Valid six months after the batch.
            }
            var nomination = await Nominations.NominateAsync(request, deadline: Deadline);
            nominations.Add(confirm
                ? await Nominations.ConfirmNominationAsync(new ChangeNominationRequest { NominationId = nomination.NominationId }, deadline: Deadline)
                : nomination);
        }
        var status = confirm ? "Confirmed" : "Accepted";
        await Eventually.Get(async ct =>
        {
            var roster = await Scheduling.ListRosterAsync(new ListRosterRequest { BatchId = batchId }, cancellationToken: ct);
            return nominations.All(n => roster.Entries.Any(e => e.NominationId == n.NominationId && e.Status == status)) ? roster : null;
        }, StackFixture.Timeout, $"{nominations.Count} participants {status} on the roster");
        return nominations;
    }
}
