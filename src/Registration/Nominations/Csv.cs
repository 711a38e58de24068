using System.Text;

namespace Ksst.Registration.Nominations;

/// <summary>RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled.</summary>
public static class Csv
{
    /// <summary>One CSV line (without its CRLF).</summary>
    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Field));

    /// <summary>
    /// One field. A leading =, +, - or @ is prefixed with an apostrophe so that a spreadsheet
    /// never runs a name as a formula.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>UTF-8 with a byte-order mark, so spreadsheets read non-ASCII names right.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
}
