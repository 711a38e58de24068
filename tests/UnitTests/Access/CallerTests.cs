using System.Security.Claims;
using Ksst.ServiceDefaults.Access;

namespace Ksst.UnitTests.Access;

public sealed class CallerTests
{
    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), authenticationType: "Bearer"));

    [Fact]
    public void An_organiser_organises_only_the_programmes_the_token_names()
    {
        var caller = Caller.From(Principal(("sub", "u1"), ("client_id", "ksst-cli"), ("role", "organiser"), ("programme", "ksst-sme")))!;
        Assert.True(caller.Organises("ksst-sme"));
        Assert.False(caller.Organises("other"));
        Assert.False(caller.OrganisesEveryProgramme);
        Assert.True(Caller.From(Principal(("sub", "u2"), ("role", "organiser"), ("programme", "*")))!.Organises("anything"));
    }

    [Fact]
    public void An_agency_is_of_its_country_and_a_participant_is_their_email()
    {
        var agency = Caller.From(Principal(("sub", "a"), ("role", "agency"), ("country", "lk")))!;
        Assert.True(agency.IsAgencyOf("LK"));
        Assert.False(agency.IsAgencyOf("PK"));
        Assert.False(agency.Organises("ksst-sme"));
        var participant = Caller.From(Principal(("sub", "p"), ("role", "participant"), ("email", "Nimali.Perera@ksst-demo.example")))!;
        Assert.True(participant.IsParticipant("nimali.perera@ksst-demo.example"));
        Assert.False(participant.IsParticipant("someone.else@ksst-demo.example"));
        Assert.False(agency.IsParticipant("nimali.perera@ksst-demo.example"));
    }

    [Fact]
    public void A_principal_without_a_known_role_is_no_caller()
    {
        Assert.Null(Caller.From(Principal(("sub", "x"))));
        Assert.Null(Caller.From(Principal(("sub", "x"), ("role", "admin"))));
        Assert.Null(Caller.From(Principal(("sub", "x"), ("role", "7"))));
        Assert.Null(Caller.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", "organiser")]))));
    }

    [Fact]
    public void A_service_is_admitted_only_to_the_rpcs_that_name_it()
    {
        var notifications = Caller.From(Principal(("sub", "notifications"), ("client_id", "notifications"), ("role", "service")))!;
        var scheduling = notifications with { ClientId = "scheduling", Subject = "scheduling" };
        var contact = RpcAccess.ForServices("notifications");
        Assert.True(contact.Allows(notifications));
        Assert.False(contact.Allows(scheduling));
        Assert.False(RpcAccess.For(Role.Organiser).Allows(notifications));
        Assert.False(contact.Allows(null));
        Assert.True(RpcAccess.Public.Allows(null));
    }
}
