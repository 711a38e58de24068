using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Ksst.ServiceDefaults.Errors;

/// <summary>
/// Walks a request with protobuf reflection (nested messages, repeated fields, maps and oneofs
/// included) and applies the rules every API shares (ksst/api/v1/text.proto) to each field: the
/// item count of a repeated field or map (<see cref="FieldLimits"/>); for each string, the text
/// rule (<see cref="ControlCharacters"/>), then its length (<see cref="FieldLimits"/>); the range
/// of each timestamp (<see cref="TimestampRange"/>); and declared enum values. One violation per
/// field, named by its proto path (e.g. "participant.full_name"); elements of a repeated field or
/// a map are named by the field, their position in the description.
/// </summary>
public static class FieldRules
{
    /// <summary>Every field of <paramref name="message"/> that breaks a rule, in field order.</summary>
    public static FieldViolations Find(IMessage message)
    {
        var violations = new FieldViolations();
        Walk(message, "", violations);
        return violations;
    }

    private static void Walk(IMessage message, string prefix, FieldViolations violations)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (value is ICollection items && FieldLimits.CheckItems(items.Count, FieldLimits.MaxItems(field)) is { } tooMany)
            {
                violations.Add(path, tooMany);
            }
            Check(field, value, path, "", violations);
        }
    }

    private static void Check(FieldDescriptor field, object? value, string path, string where, FieldViolations violations)
    {
        switch (value)
        {
            case string text:
                Add(violations, path, Text(field, text, where));
                break;
            case Timestamp timestamp:
                Add(violations, path, TimestampRange.Check(timestamp) is { } wrong ? where + wrong : null);
                break;
            case IMessage nested:
                Walk(nested, path + ".", violations);
                break;
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    if (entry.Key is string key)
                    {
                        Add(violations, path, Text(field, key, "A key ", keyOfMap: true));
                    }
                    Check(field, entry.Value, path, "A value ", violations);
                }
                break;
            case IList list:
                for (var i = 0; i < list.Count; i++)
                {
                    Check(field, list[i], path, $"Item {i + 1} ", violations);
                }
                break;
            case System.Enum when field.FieldType == FieldType.Enum && field.EnumType.FindValueByNumber(Convert.ToInt32(value)) is null:
                var number = Convert.ToInt32(value);
                violations.Add(path, where.Length == 0
                    ? $"{number} is not a value of {field.EnumType.FullName}."
                    : $"{where}is {number}, not a value of {field.EnumType.FullName}.");
                break;
        }
    }

    private static void Add(FieldViolations violations, string path, string? problem)
    {
        if (problem is not null)
        {
            violations.Add(path, problem);
        }
    }

    private static string? Text(FieldDescriptor field, string text, string where, bool keyOfMap = false) =>
        ControlCharacters.Check(text, multiline: !keyOfMap && FieldLimits.IsMultiline(field), where)
        ?? FieldLimits.CheckLength(text, FieldLimits.MaxLength(field), where);
}
