using System.Globalization;
using System.Text;
using Ksst.ServiceDefaults.Errors;

namespace Ksst.Platform.Audit;

/// <summary>Opaque page tokens over a position in the audit log; a token the service did not issue is INVALID_ARGUMENT.</summary>
internal static class AuditPageToken
{
    private const string Prefix = "ksst-audit:";

    /// <summary>The token of <paramref name="position"/>; empty for none (the last page).</summary>
    public static string For(AuditPosition? position) =>
        position is null ? "" : Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + position.BeforeId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The position <paramref name="token"/> stands for (null when empty), or a field violation of <paramref name="field"/>.</summary>
    public static AuditPosition? Read(string token, string field, FieldViolations violations)
    {
        if (token.Length == 0)
        {
            return null;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                return new AuditPosition(id);
            }
        }
        catch (FormatException)
        {
            // falls through to the violation below
        }
        violations.Add(field, "Not a token this service issued; pass next_page_token unchanged.");
        return null;
    }
}
