using System.Buffers;

namespace Ksst.ServiceDefaults.Errors;

/// <summary>
/// The text rule of every API (ksst/api/v1/text.proto): a string field holds no control
/// character (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F), except line feed, carriage
/// return and tab in fields marked <c>(ksst.api.v1.multiline)</c>. Such characters would be
/// stored and copied into CSV files, email subjects and calendars. <see cref="FieldRules"/>
/// applies it to every string of a request.
/// </summary>
public static class ControlCharacters
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c)]);

    private static readonly SearchValues<char> ControlsButLineBreaks = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c).Except(['\t', '\n', '\r']), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c)]);

    /// <summary>Where the first character <paramref name="text"/> may not hold is, or -1.</summary>
    public static int IndexOfRefused(string text, bool multiline) =>
        text.AsSpan().IndexOfAny(multiline ? ControlsButLineBreaks : Controls);

    /// <summary>
    /// What is wrong with <paramref name="text"/>, or null when it keeps the rule.
    /// <paramref name="where"/> names the item ("Item 2 ", "A key ") or is empty for the field itself.
    /// </summary>
    public static string? Check(string text, bool multiline, string where)
    {
        var at = IndexOfRefused(text, multiline);
        if (at < 0)
        {
            return null;
        }
        var holds = where.Length == 0 ? "Holds" : where + "holds";
        var allowed = multiline ? "only line breaks (LF, CR) and tabs are allowed here" : "only printable text on one line is allowed";
        return $"{holds} the control character U+{(int)text[at]:X4} at character {at + 1}; {allowed}.";
    }
}
