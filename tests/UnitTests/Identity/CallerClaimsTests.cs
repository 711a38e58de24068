using System.Collections.Immutable;
using System.Security.Claims;
using Ksst.Identity.Callers;
using Ksst.Identity.Clients;
using Ksst.ServiceDefaults.Access;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ksst.UnitTests.Identity;

/// <summary>The claims of a caller's tokens, as the identity contract names them, and where each goes.</summary>
public sealed class CallerClaimsTests
{
    [Fact]
    public void An_organiser_has_sub_role_each_programme_and_name_all_bound_for_the_access_token()
    {
        var identity = CallerClaims.For("demo-organiser", new AccessProfile("organiser", ["*", "ksst-sme"], null, null, "Demo organiser"));

        Assert.Equal(
            [("sub", "demo-organiser"), ("role", "organiser"), ("programme", "*"), ("programme", "ksst-sme"), ("name", "Demo organiser")],
            identity.Claims.Select(c => (c.Type, c.Value)));
        Assert.All(identity.Claims.Where(c => c.Type != ClaimNames.Subject), claim => Assert.Contains(Destinations.AccessToken, claim.GetDestinations()));
    }

    [Fact]
    public void An_agency_carries_its_country_and_a_participant_their_email_and_nothing_else_of_another_role()
    {
        var agency = CallerClaims.For("demo-agency-lk", new AccessProfile("agency", [], "LK", null, null));
        var participant = CallerClaims.For("user-1", new AccessProfile("participant", [], null, "nimali.perera@ksst-demo.example", "Nimali Perera"));

        Assert.Equal("LK", agency.FindFirst(ClaimNames.Country)?.Value);
        Assert.Null(agency.FindFirst(ClaimNames.Email));
        Assert.Null(agency.FindFirst(ClaimNames.Programme));
        Assert.Equal("nimali.perera@ksst-demo.example", participant.FindFirst(ClaimNames.Email)?.Value);
        Assert.Null(participant.FindFirst(ClaimNames.Country));
    }

    [Fact]
    public void The_services_read_the_claims_back_as_the_caller_they_describe()
    {
        var identity = CallerClaims.For("demo-agency-lk", new AccessProfile("agency", [], "LK", null, null));
        identity.AddClaim(new Claim(ClaimNames.ClientId, "demo-agency-lk"));

        var caller = Caller.From(new ClaimsPrincipal(identity));

        Assert.NotNull(caller);
        Assert.Equal((Role.Agency, "LK", "demo-agency-lk", "demo-agency-lk"), (caller.Role, caller.Country, caller.Subject, caller.ClientId));
        Assert.True(caller.IsAgencyOf("lk"));
    }

    [Theory]
    [InlineData("AspNet.Identity.SecurityStamp")]
    [InlineData(ClaimTypes.NameIdentifier)]
    [InlineData("phone_number")]
    public void A_claim_outside_the_contract_goes_into_no_token(string type) =>
        Assert.Empty(CallerClaims.DestinationsOf(new Claim(type, "x")));

    [Fact]
    public void A_client_asking_for_scopes_gets_those()
    {
        var granted = Grants.ScopesFor(["scheduling"], MachineClient.Descriptor(Client("demo-ops", "ops")).Permissions);

        Assert.Equal(["scheduling"], granted.AsEnumerable());
    }

    [Fact]
    public void A_machine_client_asking_for_no_scope_gets_every_api_scope_and_no_refresh_token()
    {
        var granted = Grants.ScopesFor([], MachineClient.Descriptor(Client("demo-ops", "ops")).Permissions);

        Assert.Equal(["identity", "notifications", "registration", "scheduling"], granted.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_command_line_client_asking_for_no_scope_gets_every_api_scope_and_a_refresh_token()
    {
        var granted = Grants.ScopesFor([], CommandLineClient.Descriptor().Permissions);

        Assert.Equal(["identity", "notifications", "offline_access", "registration", "scheduling"], granted.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_machine_clients_profile_is_stored_with_its_registration_and_read_back()
    {
        var client = Client("demo-organiser-other", "organiser", ["it-other-programme"]);
        var descriptor = MachineClient.Descriptor(client);

        var profile = MachineClient.ProfileOf(descriptor.Properties.ToImmutableDictionary());

        Assert.NotNull(profile);
        Assert.Equal(("organiser", "it-other-programme"), (profile.Role, Assert.Single(profile.Programmes)));
        Assert.Equal(ClientTypes.Confidential, descriptor.ClientType);
        Assert.Contains(Permissions.GrantTypes.ClientCredentials, descriptor.Permissions);
        Assert.DoesNotContain(Permissions.GrantTypes.AuthorizationCode, descriptor.Permissions);
    }

    private static DirectoryClient Client(string id, string role, List<string>? programmes = null)
    {
        var credentials = new Ksst.Contracts.Identity.ClientCredentials { ClientId = id, Secret = new string('s', 43), Role = role, Programmes = programmes ?? [] };
        return new DirectoryClient(credentials, AccessProfile.Of(credentials));
    }
}
