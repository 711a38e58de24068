using System.Net;
using System.Text.RegularExpressions;

namespace Ksst.Ops.OAuth;

/// <summary>
/// A form of an HTML page, read the way a browser submits it: its action and its hidden fields
/// (the antiforgery token and the way back, on the identity service's sign-in page).
/// </summary>
/// <param name="Action">Where the form posts, relative to the page.</param>
/// <param name="Hidden">Its hidden fields, by name.</param>
public sealed partial record SignInForm(string Action, IReadOnlyDictionary<string, string> Hidden)
{
    /// <summary>The first form of <paramref name="html"/>; null when there is none.</summary>
    public static SignInForm? Read(string html)
    {
        var form = FormTag().Match(html);
        if (!form.Success)
        {
            return null;
        }
        var hidden = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(html[form.Index..]))
        {
            var attributes = Attribute().Matches(input.Value)
                .ToDictionary(a => a.Groups["name"].Value.ToLowerInvariant(), a => WebUtility.HtmlDecode(a.Groups["value"].Value));
            if (attributes.GetValueOrDefault("type") == "hidden" && attributes.GetValueOrDefault("name") is { } name)
            {
                hidden[name] = attributes.GetValueOrDefault("value") ?? "";
            }
        }
        return new SignInForm(WebUtility.HtmlDecode(Attribute().Matches(form.Value).FirstOrDefault(a => a.Groups["name"].Value == "action")?.Groups["value"].Value ?? ""), hidden);
    }

    [GeneratedRegex("<form\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("(?<name>[a-zA-Z-]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Attribute();
}
