using Grpc.Core;
using Ksst.Registration.Nominations;
using Ksst.ServiceDefaults.Access;

namespace Ksst.UnitTests.Registration;

public sealed class NominationAccessTests
{
    private static readonly HashSet<string> None = [];

    private static Nomination Of(string country, string email) => new()
    {
        BatchId = "b1", FullName = "A", Email = email, Nationality = country, NominatingCountry = country, PreferredLanguage = "en",
    };

    private static Caller Agency(string country) => new("a", "c", Role.Agency, None, country, null);

    [Fact]
    public void Each_role_sees_only_its_part()
    {
        var lk = Of("LK", "nimali@x.example");
        var pk = Of("PK", "ayesha@x.example");
        Assert.True(NominationAccess.Sees(Agency("LK"), lk, "p"));
        Assert.False(NominationAccess.Sees(Agency("LK"), pk, "p"));
        var participant = new Caller("p", "c", Role.Participant, None, null, "nimali@x.example");
        Assert.True(NominationAccess.Sees(participant, lk, "p"));
        Assert.False(NominationAccess.Sees(participant, pk, "p"));
        var organiser = new Caller("o", "c", Role.Organiser, new HashSet<string> { "p" }, null, null);
        Assert.True(NominationAccess.Sees(organiser, pk, "p"));
        Assert.False(NominationAccess.Sees(organiser, pk, "q"));
        Assert.False(NominationAccess.Sees(new Caller("ops", "c", Role.Ops, None, null, null), pk, "p"));
    }

    [Fact]
    public void Lists_hold_only_what_the_caller_sees()
    {
        var all = new[] { Of("LK", "a@x.example"), Of("PK", "b@x.example"), Of("LK", "c@x.example") }.AsQueryable();
        Assert.Equal(2, NominationAccess.Visible(all, Agency("LK")).Count());
        Assert.Single(NominationAccess.Visible(all, new Caller("p", "c", Role.Participant, None, null, "b@x.example")));
        Assert.Empty(NominationAccess.Visible(all, new Caller("ops", "c", Role.Ops, None, null, null)));
    }

    private static Ksst.Registration.Batches.Batch Batch(string programme, params string[] eligible) =>
        new() { Id = "b1", ProgrammeId = programme, Number = 1, EligibleCountries = [.. eligible] };

    [Fact]
    public void An_agency_nominates_for_its_own_country_only_and_to_batches_that_list_it()
    {
        NominationAccess.CheckMayNominate(Agency("LK"), Batch("p"), "LK");
        NominationAccess.CheckMayNominate(Agency("LK"), Batch("p", "LK", "PK"), "LK");
        Assert.Equal(StatusCode.PermissionDenied, Assert.Throws<RpcException>(() => NominationAccess.CheckMayNominate(Agency("LK"), Batch("p"), "PK")).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, Assert.Throws<RpcException>(() => NominationAccess.CheckMayNominate(Agency("LK"), Batch("p", "PK"), "LK")).StatusCode);
        var organiser = new Caller("o", "c", Role.Organiser, new HashSet<string> { "p" }, null, null);
        NominationAccess.CheckMayNominate(organiser, Batch("p", "PK"), "PK");
        Assert.Equal(StatusCode.PermissionDenied, Assert.Throws<RpcException>(() => NominationAccess.CheckMayNominate(organiser, Batch("q"), "PK")).StatusCode);
    }
}
