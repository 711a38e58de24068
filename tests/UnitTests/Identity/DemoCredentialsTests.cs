using System.Buffers.Text;
using System.Text.Json;
using Ksst.Contracts.Identity;
using Ksst.Identity.Callers;

namespace Ksst.UnitTests.Identity;

/// <summary>The demo credentials a stack writes on its first start: who is in them, how secret they are, how the file is written.</summary>
public sealed class DemoCredentialsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ksst-ut-credentials-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_new_set_has_the_services_the_demo_organisers_ops_an_agency_per_demo_country_and_a_user_per_person_role()
    {
        var credentials = DemoCredentials.CreateNew();

        Assert.All(DemoCredentials.Services, service => Assert.Equal("service", credentials.Client(service).Role));
        Assert.Equal(["*"], credentials.Client(DemoCredentials.OrganiserClient).Programmes);
        Assert.Equal([DemoCredentials.OtherProgramme], credentials.Client(DemoCredentials.OtherOrganiserClient).Programmes);
        Assert.Equal("ops", credentials.Client(DemoCredentials.OpsClient).Role);
        Assert.Equal(10, DemoCredentials.Countries.Count);
        Assert.All(DemoCredentials.Countries, country =>
        {
            var agency = credentials.Client($"demo-agency-{country.ToLowerInvariant()}");
            Assert.Equal(("agency", country), (agency.Role, agency.Country));
        });
        Assert.Equal(["agency", "ops", "organiser", "participant"], credentials.Users.Select(u => u.Role).Order());
        var participant = credentials.User(DemoCredentials.ParticipantUser);
        Assert.Equal(("participant", "nimali.perera@ksst-demo.example"), (participant.Role, participant.Email));
    }

    [Fact]
    public void Every_secret_is_32_random_bytes_in_base64url_and_every_password_is_long_and_none_repeats()
    {
        var credentials = DemoCredentials.CreateNew();
        var other = DemoCredentials.CreateNew();

        Assert.All(credentials.Clients, client => Assert.Equal(32, Base64Url.DecodeFromChars(client.Secret).Length));
        Assert.All(credentials.Users, user => Assert.True(user.Password.Length >= 20, $"{user.UserName}'s password has {user.Password.Length} characters"));
        string[] all = [.. credentials.Clients.Select(c => c.Secret), .. credentials.Users.Select(u => u.Password), .. other.Clients.Select(c => c.Secret)];
        Assert.Equal(all.Length, all.Distinct().Count());
    }

    [Fact]
    public void Every_entry_of_a_new_set_is_taken_by_the_identity_service()
    {
        var credentials = DemoCredentials.CreateNew();

        var directory = CallerDirectory.From(credentials.Clients, credentials.Users);

        Assert.Equal(credentials.Clients.Count, directory.Clients.Count);
        Assert.Equal(credentials.Users.Count, directory.Users.Count);
    }

    [Fact]
    public void The_file_is_written_once_readable_by_its_owner_only_in_the_contracts_shape()
    {
        var path = DemoCredentials.PathUnder(_folder);

        var first = DemoCredentials.ReadOrCreate(path);
        var again = DemoCredentials.ReadOrCreate(path);

        Assert.Equal(Path.Combine(_folder, "identity", "demo-credentials.json"), path);
        Assert.Equal(first.Client(DemoCredentials.OrganiserClient).Secret, again.Client(DemoCredentials.OrganiserClient).Secret);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var organiser = json.RootElement.GetProperty("clients").EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == DemoCredentials.OrganiserClient);
        Assert.Equal("organiser", organiser.GetProperty("role").GetString());
        Assert.Equal("*", organiser.GetProperty("programmes")[0].GetString());
        Assert.False(organiser.TryGetProperty("country", out _));
        var user = json.RootElement.GetProperty("users")[0];
        Assert.True(user.TryGetProperty("userName", out _) && user.TryGetProperty("password", out _));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Stacks_starting_at_once_end_up_with_the_same_credentials()
    {
        var path = DemoCredentials.PathUnder(_folder);

        var sets = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => DemoCredentials.ReadOrCreate(path))));

        Assert.Single(sets.Select(s => s.Client(DemoCredentials.OpsClient).Secret).Distinct());
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }
}
