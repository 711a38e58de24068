using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Ksst.Contracts.Api.V1;

namespace Ksst.IntegrationTests.Platform;

/// <summary>
/// Builds malformed requests of any RPC from its input message's descriptor: a plausibly filled
/// request with one to three fields set to boundary, overflow or nonsense values (huge and empty
/// strings, control characters, wrong ids, extreme numbers, unknown enum numbers, timestamps out
/// of range, too many items). Pinned fields always take one of their given values, so that no
/// request of a mutating RPC can be a valid change (e.g. an id that exists already or does not
/// exist). Deterministic for a seed.
/// </summary>
internal sealed class MalformedRequestGenerator(int seed, IReadOnlyDictionary<string, string[]> pins)
{
    private const int MaxDepth = 3;

    private readonly Random _random = new(seed);

    /// <summary>A malformed request of <paramref name="method"/> and what was done to it.</summary>
    public (IMessage Request, string Label) Next(MethodDescriptor method)
    {
        var request = New(method.InputType);
        Fill(request, 0);
        var leaves = Leaves(method.InputType, "", 0).ToList();
        var label = new List<string>();
        for (var i = _random.Next(1, 4); i > 0 && leaves.Count > 0; i--)
        {
            var (path, field) = leaves[_random.Next(leaves.Count)];
            label.Add($"{path}={Spoil(Parent(request, path), field)}");
        }
        foreach (var (key, values) in pins)
        {
            if (key.StartsWith(method.FullName + ":", StringComparison.Ordinal))
            {
                var path = key[(method.FullName.Length + 1)..];
                var value = values[_random.Next(values.Length)];
                var parent = Parent(request, path);
                parent.Descriptor.FindFieldByName(path.Split('.')[^1]).Accessor.SetValue(parent, value);
                label.Add($"{path}=\"{value}\" (pinned)");
            }
        }
        return (request, $"{method.FullName}: {string.Join("; ", label)}");
    }

    /// <summary>A random Guid from the seeded generator.</summary>
    public Guid Guid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Picks one of <paramref name="items"/>.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => _random.NextDouble() < p;

    private static IMessage New(MessageDescriptor type) => type.Parser.ParseFrom(ByteString.Empty);

    /// <summary>Every field reachable from <paramref name="type"/>, by path (messages too: they may be left out).</summary>
    private static IEnumerable<(string Path, FieldDescriptor Field)> Leaves(MessageDescriptor type, string prefix, int depth)
    {
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            yield return (prefix + field.Name, field);
            if (field is { FieldType: FieldType.Message, IsRepeated: false } && !IsTimestamp(field) && depth < MaxDepth)
            {
                foreach (var leaf in Leaves(field.MessageType, prefix + field.Name + ".", depth + 1))
                {
                    yield return leaf;
                }
            }
        }
    }

    /// <summary>The message that holds the last field of <paramref name="path"/>, created on the way.</summary>
    private static IMessage Parent(IMessage request, string path)
    {
        var message = request;
        foreach (var name in path.Split('.')[..^1])
        {
            var field = message.Descriptor.FindFieldByName(name);
            if (field.Accessor.GetValue(message) is not IMessage nested)
            {
                nested = New(field.MessageType);
                field.Accessor.SetValue(message, nested);
            }
            message = nested;
        }
        return message;
    }

    private static bool IsTimestamp(FieldDescriptor field) => field.FieldType == FieldType.Message && field.MessageType.FullName == Timestamp.Descriptor.FullName;

    private static int MaxLength(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(TextExtensions.MaxLength) is > 0 and var n ? n : 200;

    private static int MaxItems(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(TextExtensions.MaxItems) is > 0 and var n ? n : 100;

    private void Fill(IMessage message, int depth)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (!Chance(0.7))
            {
                continue;
            }
            if (field.IsMap)
            {
                var map = (IDictionary)field.Accessor.GetValue(message);
                var value = field.MessageType.FindFieldByName("value");
                if (field.MessageType.FindFieldByName("key").FieldType == FieldType.String && value.FieldType is FieldType.Int32)
                {
                    map["NP"] = _random.Next(0, 5);
                }
            }
            else if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = _random.Next(1, 3); i > 0; i--)
                {
                    if (Plausible(field, depth) is { } item)
                    {
                        list.Add(item);
                    }
                }
            }
            else if (Plausible(field, depth) is { } value)
            {
                field.Accessor.SetValue(message, value);
            }
        }
    }

    private object? Plausible(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => PlausibleText(field.Name),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => _random.Next(0, 40),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => (long)_random.Next(0, 40),
        FieldType.UInt32 or FieldType.Fixed32 => (uint)_random.Next(0, 40),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)_random.Next(0, 40),
        FieldType.Bool => Chance(0.5),
        FieldType.Double => _random.NextDouble(),
        FieldType.Float => (float)_random.NextDouble(),
        FieldType.Enum => Enum(field, field.EnumType.Values[_random.Next(field.EnumType.Values.Count)].Number),
        FieldType.Bytes => ByteString.CopyFromUtf8("x"),
        FieldType.Message when IsTimestamp(field) => Timestamp.FromDateTime(new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(_random.Next(0, 400))),
        FieldType.Message when depth < MaxDepth => FilledMessage(field.MessageType, depth + 1),
        _ => null,
    };

    private IMessage FilledMessage(MessageDescriptor type, int depth)
    {
        var message = New(type);
        Fill(message, depth);
        return message;
    }

    private string PlausibleText(string name) => name switch
    {
        _ when name.Contains("email") => "nobody@industry.example.id",
        "nominating_country" or "nationality" or "country" => Pick(["NP", "LK", "ID", "FR"]),
        "eligible_countries" => "LK",
        _ when name.EndsWith("date") || name.EndsWith("expiry") => Pick(["2027-03-01", "2027-03-10", "2018-07-18"]),
        "time_zone" => "Asia/Jakarta",
        "preferred_language" or "language" => "en",
        "gender" => "female",
        "phone" => "+94 71 234 5678",
        "passport_number" => "N1234567",
        "secret" => "whsec-0123456789abcdef",
        "url" => "http://127.0.0.1:9/hooks",
        "page_token" => "",
        "group" or "groups" => Pick(["A", "B"]),
        "event_types" => "*",
        _ when name.EndsWith("_id") || name.EndsWith("_ids") || name is "speakers" => Pick(["ksst-sme-2018", "ksst-sme", Guid().ToString(), "kemenperin-jakarta"]),
        _ => Pick(["Sample text", "Jakarta", "Bandung", "Balai Besar Tekstil"]),
    };

    private static object Enum(FieldDescriptor field, int number) => System.Enum.ToObject(field.EnumType.ClrType, number);

    /// <summary>Sets <paramref name="field"/> of <paramref name="message"/> to a bad value and says which.</summary>
    private string Spoil(IMessage message, FieldDescriptor field)
    {
        if (field.IsMap)
        {
            var map = (IDictionary)field.Accessor.GetValue(message);
            map.Clear();
            if (field.MessageType.FindFieldByName("key").FieldType == FieldType.String)
            {
                map[new string('K', MaxLength(field) + 1)] = field.MessageType.FindFieldByName("value").FieldType == FieldType.Int32 ? int.MaxValue : 0;
                return "a key over its limit";
            }
            return "cleared";
        }
        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(message);
            switch (_random.Next(4))
            {
                case 0:
                    list.Clear();
                    for (var i = MaxItems(field) + 1; i > 0; i--)
                    {
                        list.Add(Plausible(field, MaxDepth) ?? New(field.MessageType));
                    }
                    return $"{MaxItems(field) + 1} items";
                case 1:
                    list.Clear();
                    return "no items";
                default:
                    if (field.FieldType is FieldType.Message)
                    {
                        list.Clear();
                        list.Add(New(field.MessageType));
                        return "one empty item";
                    }
                    var (value, what) = BadScalar(field);
                    list.Add(value);
                    return $"an item {what}";
            }
        }
        if (field.FieldType == FieldType.Message && !IsTimestamp(field))
        {
            if (Chance(0.5))
            {
                field.Accessor.Clear(message);
                return "unset";
            }
            field.Accessor.SetValue(message, New(field.MessageType));
            return "empty";
        }
        var (bad, description) = BadScalar(field);
        field.Accessor.SetValue(message, bad);
        return description;
    }

    private (object Value, string What) BadScalar(FieldDescriptor field)
    {
        switch (field.FieldType)
        {
            case FieldType.String:
                var max = MaxLength(field);
                return _random.Next(20) switch
                {
                    0 => ("", "empty"),
                    1 => ("   ", "blank"),
                    2 => (new string('x', max + 1), $"{max + 1} characters"),
                    3 => (new string('x', Math.Min(max * 50, 200_000)), "huge"),
                    4 => (string.Concat(Enumerable.Repeat("😀", max + 1)), $"{max + 1} emoji"),
                    5 => (new string('x', max), $"exactly {max} characters"),
                    6 => ("Bad\0Value", "a NUL"),
                    7 => ("Bad\u001b[31mValue", "an escape"),
                    8 => ("Bad\u0085Value", "a C1 control"),
                    9 => ("line\nbreak", "a line break"),
                    10 => ("not-a-uuid", "not a UUID"),
                    11 => (Guid().ToString(), "an unknown UUID"),
                    12 => ("00000000-0000-0000-0000-000000000000", "the zero UUID"),
                    13 => (Pick(["0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01", "2018-02-30", "2027-13-01", "-2027-01-01"]), "an extreme date"),
                    14 => (Pick(["Mars/Olympus", "UTC+99", "../../etc/passwd", "%00", "' OR 1=1 --", "{{ 7*7 }}"]), "nonsense"),
                    15 => (Pick(["ksst-sme-2018", "ksst-sme", "kemenperin-jakarta"]), "an existing id"),
                    16 => ("\uFEFF\u200B", "invisible characters"),
                    17 => (Pick(["XX", "ZZZ", "fr", "id"]), "a wrong code"),
                    18 => ("+", "a sign"),
                    _ => ("  padded  ", "padded"),
                };
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                var i = Pick([int.MinValue, int.MaxValue, -1, 0, 1, 27, 1_000_000, int.MaxValue - 1]);
                return (i, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                var l = Pick([long.MinValue, long.MaxValue, -1L, 0L]);
                return (l, l.ToString(System.Globalization.CultureInfo.InvariantCulture));
            case FieldType.UInt32 or FieldType.Fixed32:
                return (uint.MaxValue, "uint.MaxValue");
            case FieldType.UInt64 or FieldType.Fixed64:
                return (ulong.MaxValue, "ulong.MaxValue");
            case FieldType.Bool:
                return (true, "true");
            case FieldType.Double:
                return (Pick([double.NaN, double.PositiveInfinity, double.MaxValue]), "an extreme double");
            case FieldType.Float:
                return (float.NaN, "NaN");
            case FieldType.Enum:
                var n = Pick([99, -1, int.MaxValue, .. field.EnumType.Values.Select(v => v.Number)]);
                return (Enum(field, n), $"enum {n}");
            case FieldType.Bytes:
                return (ByteString.CopyFrom(0, 255, 0xC3, 0x28), "odd bytes");
            default:
                // A timestamp: out of range, or at its very ends.
                var (seconds, nanos, what) = Pick<(long, int, string)>(
                [
                    (-62_135_596_801, 0, "before 0001-01-01"), (253_402_300_800, 0, "after 9999-12-31"), (long.MinValue, 0, "seconds long.MinValue"),
                    (long.MaxValue, 0, "seconds long.MaxValue"), (0, -1, "nanos -1"), (0, 1_000_000_000, "nanos 10^9"),
                    (-62_135_596_800, 0, "0001-01-01"), (253_402_300_799, 999_999_999, "9999-12-31T23:59:59.999999999"), (0, 0, "1970-01-01"),
                ]);
                return (new Timestamp { Seconds = seconds, Nanos = nanos }, what);
        }
    }
}
