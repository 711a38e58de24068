using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ksst.Platform.Audit;

/// <summary>
/// Writes a row's fields as the JSON objects of an entry's before and after: values as JSON
/// (enums by name, times in ISO 8601), masked fields as <see cref="Masked"/> (null stays null, so
/// the entry shows a value was set or cleared, never which).
/// </summary>
internal static class AuditValues
{
    /// <summary>What a masked field holds in an entry.</summary>
    public const string Masked = "***";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The JSON object of <paramref name="fields"/> of <paramref name="row"/>, as they were (original) or are (current).</summary>
    public static string Of(EntityEntry row, IEnumerable<AuditedField> fields, bool original)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var field in fields)
            {
                var property = row.Property(field.Property);
                var value = original ? property.OriginalValue : property.CurrentValue;
                json.WritePropertyName(field.Name);
                if (value is null)
                {
                    json.WriteNullValue();
                }
                else if (field.Masked)
                {
                    json.WriteStringValue(Masked);
                }
                else
                {
                    Write(json, value);
                }
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A value as JSON: the common scalar types directly, anything else (lists) through the serializer.</summary>
    private static void Write(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case Guid id:
                json.WriteStringValue(id);
                break;
            case DateTimeOffset time:
                json.WriteStringValue(time);
                break;
            case DateOnly date:
                json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case Enum named:
                json.WriteStringValue(named.ToString());
                break;
            default:
                JsonSerializer.Serialize(json, value, value.GetType(), Options);
                break;
        }
    }

    /// <summary>The fields of a modified row whose value differs from the one it was loaded with.</summary>
    public static IReadOnlyList<AuditedField> Changed(EntityEntry row, AuditedType type) =>
        [.. type.Fields.Where(field =>
        {
            var property = row.Property(field.Property);
            return property.IsModified && !field.Property.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue);
        })];

    /// <summary>A key or batch value as text: invariant, a Guid in its usual form.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
