using Ksst.Contracts.Identity;
using Ksst.Identity;
using Ksst.Identity.Callers;
using Microsoft.Extensions.Configuration;

namespace Ksst.UnitTests.Identity;

/// <summary>The clients and users the identity service registers: the demo file, configuration over it, and refusals that name the entry but never its secret.</summary>
public sealed class CallerDirectoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ksst-ut-directory-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Configuration_adds_clients_and_users_and_wins_over_the_demo_file_for_the_same_id()
    {
        var path = DemoCredentials.PathUnder(_folder);
        var demo = DemoCredentials.ReadOrCreate(path);
        var settings = Settings(new Dictionary<string, string?>
        {
            ["Identity:DemoCredentials"] = path,
            ["Identity:Clients:0:ClientId"] = DemoCredentials.OpsClient,
            ["Identity:Clients:0:Secret"] = new string('n', 40),
            ["Identity:Clients:0:Role"] = "ops",
            ["Identity:Clients:1:ClientId"] = "agency-system-np",
            ["Identity:Clients:1:Secret"] = new string('x', 40),
            ["Identity:Clients:1:Role"] = "agency",
            ["Identity:Clients:1:Country"] = "np",
            ["Identity:Users:0:UserName"] = "organiser.two@example.org",
            ["Identity:Users:0:Password"] = "a long enough password",
            ["Identity:Users:0:Role"] = "organiser",
            ["Identity:Users:0:Programmes:0"] = "ksst-sme",
        });

        var directory = CallerDirectory.Load(settings);

        Assert.Equal(demo.Clients.Count + 1, directory.Clients.Count);
        Assert.Equal(new string('n', 40), Assert.Single(directory.Clients, c => c.Credentials.ClientId == DemoCredentials.OpsClient).Credentials.Secret);
        Assert.Equal("NP", Assert.Single(directory.Clients, c => c.Credentials.ClientId == "agency-system-np").Profile.Country);
        Assert.Equal(["ksst-sme"], Assert.Single(directory.Users, u => u.Credentials.UserName == "organiser.two@example.org").Profile.Programmes);
        Assert.Equal(demo.Users.Count + 1, directory.Users.Count);
    }

    [Fact]
    public void Wrong_entries_are_refused_together_by_id_without_their_secrets()
    {
        const string shortSecret = "too-short-secret";
        var error = Assert.Throws<InvalidOperationException>(() => CallerDirectory.From(
            [
                new ClientCredentials { ClientId = "a", Secret = shortSecret, Role = "ops" },
                new ClientCredentials { ClientId = "b", Secret = new string('s', 40), Role = "agency" },
                new ClientCredentials { ClientId = "b", Secret = new string('t', 40), Role = "ops" },
                new ClientCredentials { ClientId = "ksst-cli", Secret = new string('u', 40), Role = "ops" },
            ],
            [new UserCredentials { UserName = "p", Password = "a long enough password", Role = "participant" }]));

        Assert.Contains("client a: the secret needs at least 32 characters", error.Message);
        Assert.Contains("client b: an agency needs its member country", error.Message);
        Assert.Contains("the client b is listed 2 times", error.Message);
        Assert.Contains("ksst-cli is the identity service's own public client", error.Message);
        Assert.Contains("user p: a participant needs their email", error.Message);
        Assert.DoesNotContain(shortSecret, error.Message);
        Assert.DoesNotContain("a long enough password", error.Message);
    }

    [Fact]
    public void A_named_demo_file_that_is_missing_stops_the_start()
    {
        var settings = Settings(new Dictionary<string, string?> { ["Identity:DemoCredentials"] = Path.Combine(_folder, "none.json") });

        var error = Assert.Throws<InvalidOperationException>(() => CallerDirectory.Load(settings));

        Assert.Contains("does not exist", error.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5101/", true)]
    [InlineData("http://localhost:40123", true)]
    [InlineData("https://login.ksst.example/", true)]
    [InlineData("http://login.ksst.example/", false)]
    [InlineData("http://10.0.0.5/", false)]
    [InlineData("ftp://127.0.0.1/", false)]
    [InlineData("", false)]
    public void Plain_http_issuers_are_taken_on_loopback_only(string issuer, bool taken)
    {
        var settings = Settings(new Dictionary<string, string?> { ["Identity:Issuer"] = issuer });

        if (taken)
        {
            Assert.Equal(new Uri(issuer), settings.IssuerUri());
        }
        else
        {
            Assert.Throws<InvalidOperationException>(settings.IssuerUri);
        }
    }

    [Fact]
    public void The_keys_are_kept_under_the_content_root_unless_configured()
    {
        Assert.Equal(Path.Combine("/srv/identity", "data", "identity-keys"), Settings([], "/srv/identity").KeyDirectory);
        Assert.Equal("/var/lib/ksst/keys", Settings(new Dictionary<string, string?> { ["Identity:KeyDirectory"] = "/var/lib/ksst/keys" }).KeyDirectory);
    }

    private static IdentitySettings Settings(Dictionary<string, string?> values, string contentRoot = "/srv") =>
        IdentitySettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), contentRoot);
}
