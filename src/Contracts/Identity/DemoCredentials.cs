using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ksst.Contracts.Identity;

/// <summary>
/// The demo clients and users of a local stack: <c>&lt;data folder&gt;/identity/demo-credentials.json</c>,
/// generated with random secrets on the first start (readable by its owner only, never committed),
/// read by the identity service (which stores them hashed), by the AppHost (each service's own
/// secret), by <c>./ksst token</c> and by the tests. A real deployment configures its clients and
/// users instead (<c>Identity:Clients</c>, <c>Identity:Users</c>, the same shapes).
/// </summary>
public sealed class DemoCredentials
{
    /// <summary>The file's name, in the <c>identity</c> folder of the data folder.</summary>
    public const string FileName = "demo-credentials.json";

    /// <summary>The organiser of every programme (client credentials).</summary>
    public const string OrganiserClient = "demo-organiser";

    /// <summary>An organiser of <see cref="OtherProgramme"/> only.</summary>
    public const string OtherOrganiserClient = "demo-organiser-other";

    /// <summary>The one programme <see cref="OtherOrganiserClient"/> organises.</summary>
    public const string OtherProgramme = "it-other-programme";

    /// <summary>The operator (client credentials).</summary>
    public const string OpsClient = "demo-ops";

    /// <summary>The participant of demo batch 3 who signs in (Nimali Perera, a confirmed LK participant).</summary>
    public const string ParticipantUser = "nimali.perera@ksst-demo.example";

    /// <summary>The KSST services, each a client of its own (role service).</summary>
    public static readonly IReadOnlyList<string> Services = ["registration", "scheduling", "notifications"];

    /// <summary>The member countries of demo batch 3, each with an agency client <c>demo-agency-&lt;cc&gt;</c>.</summary>
    public static readonly IReadOnlyList<string> Countries = ["ID", "AF", "BD", "BT", "IN", "LA", "MM", "NP", "PK", "LK"];

    private const int SecretBytes = 32;
    private const int PasswordBytes = 18;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The machine clients.</summary>
    public List<ClientCredentials> Clients { get; init; } = [];

    /// <summary>The people.</summary>
    public List<UserCredentials> Users { get; init; } = [];

    /// <summary>The agency client of <paramref name="country"/> (ISO alpha-2, any case).</summary>
    public static string AgencyClient(string country) => $"demo-agency-{country.ToLowerInvariant()}";

    /// <summary>Where a stack keeps the file: <c>&lt;dataRoot&gt;/identity/demo-credentials.json</c>.</summary>
    public static string PathUnder(string dataRoot) => Path.Combine(dataRoot, "identity", FileName);

    /// <summary>The client <paramref name="clientId"/>; throws naming the known ones when there is none.</summary>
    public ClientCredentials Client(string clientId) =>
        Clients.FirstOrDefault(c => c.ClientId == clientId)
        ?? throw new KeyNotFoundException($"No demo client '{clientId}'; there are {string.Join(", ", Clients.Select(c => c.ClientId))}.");

    /// <summary>The user <paramref name="userName"/>; throws naming the known ones when there is none.</summary>
    public UserCredentials User(string userName) =>
        Users.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No demo user '{userName}'; there are {string.Join(", ", Users.Select(u => u.UserName))}.");

    /// <summary>A new set: the services, the demo organisers, ops and agencies, and one user per person role, each with a fresh random secret.</summary>
    public static DemoCredentials CreateNew() => new()
    {
        Clients =
        [
            .. Services.Select(service => new ClientCredentials { ClientId = service, Secret = Secret(), Role = "service" }),
            new() { ClientId = OrganiserClient, Secret = Secret(), Role = "organiser", Programmes = ["*"], Name = "Demo organiser" },
            new() { ClientId = OtherOrganiserClient, Secret = Secret(), Role = "organiser", Programmes = [OtherProgramme], Name = "Demo organiser of another programme" },
            new() { ClientId = OpsClient, Secret = Secret(), Role = "ops", Name = "Demo operator" },
            .. Countries.Select(country => new ClientCredentials
            {
                ClientId = AgencyClient(country), Secret = Secret(), Role = "agency", Country = country, Name = $"Demo agency {country}",
            }),
        ],
        Users =
        [
            new() { UserName = "organiser@ksst-demo.example", Password = Password(), Role = "organiser", Programmes = ["*"], Name = "Demo organiser" },
            new() { UserName = "agency.lk@ksst-demo.example", Password = Password(), Role = "agency", Country = "LK", Name = "Demo agency LK" },
            new() { UserName = ParticipantUser, Password = Password(), Role = "participant", Email = ParticipantUser, Name = "Nimali Perera" },
            new() { UserName = "ops@ksst-demo.example", Password = Password(), Role = "ops", Name = "Demo operator" },
        ],
    };

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static DemoCredentials Read(string path) =>
        JsonSerializer.Deserialize<DemoCredentials>(File.ReadAllText(path), Json)
        ?? throw new JsonException($"{path} holds no demo credentials.");

    /// <summary>
    /// Reads the file at <paramref name="path"/>, first writing a <see cref="CreateNew"/> set there
    /// when there is none, readable by its owner only (<see cref="PrivateFile.CreateOnce"/>: two
    /// stacks starting at once end up with the same credentials).
    /// </summary>
    public static DemoCredentials ReadOrCreate(string path)
    {
        PrivateFile.CreateOnce(path, file => JsonSerializer.Serialize(file, CreateNew(), Json));
        return Read(path);
    }

    private static string Secret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    private static string Password() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(PasswordBytes));
}
