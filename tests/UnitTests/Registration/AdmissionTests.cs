using Ksst.Registration.Nominations;

namespace Ksst.UnitTests.Registration;

public sealed class AdmissionTests
{
    private static Nomination Waiting(string country, int minute) => new()
    {
        Id = Guid.NewGuid(), BatchId = "b", FullName = "x", Email = $"{Guid.NewGuid():N}@x.org", Nationality = country,
        NominatingCountry = country, PreferredLanguage = "en", Status = NominationStatus.Waitlisted,
        NominatedAt = DateTimeOffset.UnixEpoch.AddMinutes(minute),
    };

    [Fact]
    public void Seats_count_accepted_confirmed_and_attended_only()
    {
        var admission = new Admission(10, 5, [
            (NominationStatus.Accepted, "LK"), (NominationStatus.Confirmed, "LK"), (NominationStatus.Attended, "NP"),
            (NominationStatus.Nominated, "NP"), (NominationStatus.Waitlisted, "NP"), (NominationStatus.Rejected, "ID"), (NominationStatus.Withdrawn, "ID"),
        ]);
        Assert.Equal(3, admission.SeatsTaken);
    }

    [Fact]
    public void A_full_batch_has_no_room()
    {
        var admission = new Admission(2, 2, [(NominationStatus.Accepted, "LK"), (NominationStatus.Confirmed, "NP")]);
        Assert.False(admission.HasRoomFor("ID"));
    }

    [Fact]
    public void A_country_at_its_quota_has_no_room_while_others_do()
    {
        var admission = new Admission(20, 2, [(NominationStatus.Accepted, "LK"), (NominationStatus.Confirmed, "LK")]);
        Assert.False(admission.HasRoomFor("LK"));
        Assert.True(admission.HasRoomFor("NP"));
    }

    [Fact]
    public void Promotion_takes_the_oldest_that_fits_and_skips_countries_at_quota()
    {
        var admission = new Admission(4, 2, [(NominationStatus.Accepted, "LK"), (NominationStatus.Accepted, "LK"), (NominationStatus.Accepted, "NP")]);
        var lk = Waiting("LK", 1);
        var id = Waiting("ID", 2);
        var np = Waiting("NP", 3);

        var promoted = admission.Promote([lk, id, np]);

        Assert.Equal([id], promoted); // LK is at quota; one seat was free and ID is older than NP
        Assert.Equal(4, admission.SeatsTaken);
    }

    [Fact]
    public void Promotion_fills_every_free_seat_within_quotas()
    {
        var admission = new Admission(5, 1, []);
        var waitlist = new[] { Waiting("LK", 1), Waiting("LK", 2), Waiting("NP", 3), Waiting("ID", 4) };
        Assert.Equal(["LK", "NP", "ID"], admission.Promote(waitlist).Select(n => n.NominatingCountry));
    }
}
