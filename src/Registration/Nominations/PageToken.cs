using System.Text;
using Ksst.ServiceDefaults.Errors;

namespace Ksst.Registration.Nominations;

/// <summary>Opaque page tokens over an offset; a token the server did not issue is INVALID_ARGUMENT.</summary>
internal static class PageToken
{
    private const string Prefix = "ksst-page:";

    public static string For(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset));

    public static int Offset(string token)
    {
        if (token.Length == 0)
        {
            return 0;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text[Prefix.Length..], out var offset) && offset >= 0)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // falls through to the error below
        }
        throw RpcErrors.InvalidArgument("page_token", "Not a token this service issued; pass next_page_token unchanged.");
    }
}
