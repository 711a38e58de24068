using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ksst.Contracts.Events;

namespace Ksst.UnitTests.Contracts;

/// <summary>
/// Fails when an event's serialized shape changes without a version change: each event's JSON
/// (the "message" part of the wire envelope) must equal its checked-in sample in docs/events/.
/// A new field, a renamed or removed one, or a changed type shows up as a difference here. A
/// renamed, removed or retyped field is a new versioned event; a new field (the one change allowed
/// within a version) is documented in docs/events.md and its sample regenerated deliberately
/// with KSST_WRITE_EVENT_SAMPLES=1.
/// </summary>
public sealed class EventContractTests
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static TheoryData<string> Events => new(typeof(IIntegrationEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Events))]
    public void The_serialized_shape_matches_the_published_sample(string eventName)
    {
        var type = typeof(IIntegrationEvent).Assembly.GetTypes().Single(t => t.Name == eventName);
        var exchange = type.GetCustomAttribute<IntegrationEventAttribute>()!.Exchange;
        var sample = Path.Combine(RepositoryRoot(), "docs", "events", exchange + ".json");
        var actual = JsonSerializer.SerializeToNode(SampleOf(type), type, Wire)!;

        if (Environment.GetEnvironmentVariable("KSST_WRITE_EVENT_SAMPLES") == "1")
        {
            File.WriteAllText(sample, actual.ToJsonString(Wire) + "\n");
        }

        Assert.True(File.Exists(sample), $"{eventName} has no published sample {sample}: document it before publishing it.");
        var expected = JsonNode.Parse(File.ReadAllText(sample))!;
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"{eventName} no longer serializes as {exchange} documents. Keep the shape or publish a new version.\nexpected: {expected.ToJsonString()}\nactual:   {actual.ToJsonString()}");
    }

    [Fact]
    public void Every_sample_belongs_to_an_event()
    {
        var exchanges = typeof(IIntegrationEvent).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<IntegrationEventAttribute>()?.Exchange).OfType<string>().ToHashSet();
        var samples = Directory.GetFiles(Path.Combine(RepositoryRoot(), "docs", "events"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f));
        Assert.All(samples, s => Assert.Contains(s, exchanges));
    }

    /// <summary>A deterministic instance: realistic values by parameter name, stable ids by name.</summary>
    private static object SampleOf(Type type)
    {
        var constructor = type.GetConstructors().Single();
        var arguments = constructor.GetParameters().Select(p => (object?)(p.Name switch
        {
            "BatchId" => "ksst-sme-2018",
            "ProgrammeId" => "ksst-sme",
            "Country" => "LK",
            "PreferredLanguage" => "en",
            "Number" => 3,
            _ when p.ParameterType == typeof(Guid) => new Guid(MD5.HashData(Encoding.UTF8.GetBytes(type.Name + p.Name))),
            _ when p.ParameterType == typeof(DateTimeOffset) => new DateTimeOffset(2018, 6, 4, 2, 0, 0, TimeSpan.Zero),
            _ when p.ParameterType == typeof(string) => p.Name,
            _ when p.ParameterType == typeof(int) => 1,
            _ when p.ParameterType == typeof(long) => 2L,
            _ when p.ParameterType == typeof(IReadOnlyList<Guid>) => new[] { new Guid(MD5.HashData(Encoding.UTF8.GetBytes(type.Name + p.Name))) },
            _ => throw new NotSupportedException($"Add a sample value for {type.Name}.{p.Name} ({p.ParameterType.Name})."),
        })).ToArray();
        return constructor.Invoke(arguments);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ksst.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Ksst.sln not found above the test binaries.");
    }
}
