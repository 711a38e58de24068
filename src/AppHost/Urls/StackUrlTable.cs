using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ksst.AppHost.Urls;

/// <summary>One line of the URL table: what a resource serves, and where.</summary>
/// <param name="Resource">The resource name, as in the dashboard (e.g. <c>registration</c>).</param>
/// <param name="What">What is served there, as the dashboard labels it (e.g. "JSON API").</param>
/// <param name="Address">The URL or host:port.</param>
/// <param name="Note">Credentials or login, when there are any to know.</param>
public sealed record StackUrl(string Resource, string What, string Address, string? Note = null);

/// <summary>
/// The table printed when the stack is up and written to the data folder for scripts: the dashboard,
/// every resource's addresses with the dashboard's labels, and where credentials are found.
/// </summary>
/// <param name="Mode">"local" or "containers".</param>
/// <param name="Urls">The lines, dashboard first, then resources in the order of the model.</param>
public sealed record StackUrlTable(string Mode, IReadOnlyList<StackUrl> Urls)
{
    /// <summary>File name of the text table under the data folder.</summary>
    public const string TextFile = "urls.txt";

    /// <summary>File name of the same table as JSON under the data folder.</summary>
    public const string JsonFile = "urls.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The table as aligned plain text, one line per address.</summary>
    public string ToText()
    {
        var header = new StackUrl("resource", "what", "address", "credentials / login");
        var lines = Urls.Prepend(header).ToList();
        int Width(Func<StackUrl, string> column) => lines.Max(l => column(l).Length);
        var (resource, what, address) = (Width(l => l.Resource), Width(l => l.What), Width(l => l.Address));
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line.Resource.PadRight(resource)).Append("  ")
                .Append(line.What.PadRight(what)).Append("  ")
                .Append(line.Note is null ? line.Address : line.Address.PadRight(address) + "  " + line.Note)
                .Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The table as JSON: <c>{"mode": …, "urls": [{"resource", "what", "address", "note"}]}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a table written by <see cref="ToJson"/>.</summary>
    public static StackUrlTable FromJson(string json) =>
        JsonSerializer.Deserialize<StackUrlTable>(json, Json) ?? throw new JsonException("The URL table is empty.");
}
