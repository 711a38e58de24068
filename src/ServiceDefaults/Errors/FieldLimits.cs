using System.Collections.Concurrent;
using Google.Protobuf.Reflection;
using Ksst.Contracts.Api.V1;

namespace Ksst.ServiceDefaults.Errors;

/// <summary>
/// The size rules of every API (ksst/api/v1/text.proto): a string field holds at most
/// <c>(ksst.api.v1.max_length)</c> characters (Unicode code points), <see cref="DefaultMaxLength"/>
/// when it declares none; a repeated or map field at most <c>(ksst.api.v1.max_items)</c> items,
/// <see cref="DefaultMaxItems"/> when it declares none. <see cref="FieldRules"/> applies them to
/// every field of a request.
/// </summary>
public static class FieldLimits
{
    /// <summary>The most characters of a string field that declares no max_length.</summary>
    public const int DefaultMaxLength = 200;

    /// <summary>The most items of a repeated field that declares no max_items.</summary>
    public const int DefaultMaxItems = 100;

    private static readonly ConcurrentDictionary<FieldDescriptor, (int Length, int Items, bool Multiline)> Declared = new();

    /// <summary>The most characters <paramref name="field"/> takes.</summary>
    public static int MaxLength(FieldDescriptor field) => Of(field).Length;

    /// <summary>The most items <paramref name="field"/> (repeated or map) takes.</summary>
    public static int MaxItems(FieldDescriptor field) => Of(field).Items;

    /// <summary>Whether <paramref name="field"/> is free text over several lines.</summary>
    public static bool IsMultiline(FieldDescriptor field) => Of(field).Multiline;

    /// <summary>What is wrong with the length of <paramref name="text"/>, or null when it fits.</summary>
    public static string? CheckLength(string text, int maxLength, string where)
    {
        // A code point takes one or two UTF-16 units: a string no longer than the limit in units fits.
        if (text.Length <= maxLength)
        {
            return null;
        }
        var length = text.EnumerateRunes().Count();
        return length <= maxLength ? null
            : where.Length == 0 ? $"At most {maxLength} characters; this has {length}."
            : $"{where}has {length} characters; at most {maxLength} are taken.";
    }

    /// <summary>What is wrong with the item count of a repeated field, or null when it fits.</summary>
    public static string? CheckItems(int count, int maxItems) =>
        count <= maxItems ? null : $"At most {maxItems} items; this has {count}.";

    private static (int Length, int Items, bool Multiline) Of(FieldDescriptor field) =>
        Declared.GetOrAdd(field, f =>
        {
            var options = f.GetOptions();
            var length = options?.GetExtension(TextExtensions.MaxLength) ?? 0;
            var items = options?.GetExtension(TextExtensions.MaxItems) ?? 0;
            return (length > 0 ? length : DefaultMaxLength, items > 0 ? items : DefaultMaxItems, options?.GetExtension(TextExtensions.Multiline) ?? false);
        });
}
