using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Ksst.Contracts.Api.V1;

namespace Ksst.ServiceDefaults.Errors;

/// <summary>
/// The text rule of every API (ksst/api/v1/text.proto): a string field holds no control
/// character (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F), except line feed, carriage
/// return and tab in fields marked <c>(ksst.api.v1.multiline)</c>. Such characters would be
/// stored and copied into CSV files, email subjects and calendars.
/// </summary>
public static class ControlCharacters
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c)]);

    private static readonly SearchValues<char> ControlsButLineBreaks = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c).Except(['\t', '\n', '\r']), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c)]);

    private static readonly ConcurrentDictionary<FieldDescriptor, bool> Multiline = new();

    /// <summary>
    /// One violation per string field of <paramref name="message"/> (nested messages, repeated
    /// fields, maps and oneofs included) that breaks the rule, named by its proto path, e.g.
    /// "participant.full_name". Elements of a repeated field or a map are named by the field.
    /// </summary>
    public static FieldViolations Find(IMessage message)
    {
        var violations = new FieldViolations();
        Walk(message, "", "", violations);
        return violations;
    }

    /// <summary>Where the first character <paramref name="text"/> may not hold is, or -1.</summary>
    public static int IndexOfRefused(string text, bool multiline) =>
        text.AsSpan().IndexOfAny(multiline ? ControlsButLineBreaks : Controls);

    private static void Walk(IMessage message, string prefix, string where, FieldViolations violations)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType is FieldType.String or FieldType.Message)
            {
                Check(field, field.Accessor.GetValue(message), prefix + field.Name, where, violations);
            }
        }
    }

    private static void Check(FieldDescriptor field, object? value, string path, string where, FieldViolations violations)
    {
        switch (value)
        {
            case string text:
                CheckText(field, text, path, where, violations);
                break;
            case IMessage nested:
                Walk(nested, path + ".", where, violations);
                break;
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    if (entry.Key is string key)
                    {
                        CheckText(field, key, path, "A key ", violations, keyOfMap: true);
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
        }
    }

    private static void CheckText(FieldDescriptor field, string text, string path, string where, FieldViolations violations, bool keyOfMap = false)
    {
        var at = IndexOfRefused(text, multiline: false);
        if (at < 0)
        {
            return;
        }
        var multiline = !keyOfMap && IsMultiline(field);
        if (multiline && (at = IndexOfRefused(text, multiline: true)) < 0)
        {
            return;
        }
        var holds = where.Length == 0 ? "Holds" : where + "holds";
        var allowed = multiline ? "only line breaks (LF, CR) and tabs are allowed here" : "only printable text on one line is allowed";
        violations.Add(path, $"{holds} the control character U+{(int)text[at]:X4} at character {at + 1}; {allowed}.");
    }

    private static bool IsMultiline(FieldDescriptor field) =>
        Multiline.GetOrAdd(field, f => f.GetOptions()?.GetExtension(TextExtensions.Multiline) ?? false);
}
