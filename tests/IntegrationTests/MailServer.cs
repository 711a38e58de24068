using System.Net.Http.Json;
using System.Text.Json;

namespace Ksst.IntegrationTests;

/// <summary>Reads the stack's smtp4dev through its REST API.</summary>
public sealed class MailServer(HttpClient http)
{
    /// <summary>A received message: id, recipients and subject.</summary>
    public sealed record Message(string Id, string[] To, string Subject);

    /// <summary>The newest messages (up to 500).</summary>
    public async Task<IReadOnlyList<Message>> ListAsync(CancellationToken cancellationToken)
    {
        var root = await http.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=500", cancellationToken);
        var items = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("results");
        return items.EnumerateArray().Select(m => new Message(
            m.GetProperty("id").GetString()!,
            m.GetProperty("to").EnumerateArray().Select(t => t.GetString()!).ToArray(),
            m.GetProperty("subject").GetString()!)).ToList();
    }

    /// <summary>The message sent to <paramref name="address"/>, if any.</summary>
    public async Task<Message?> FindToAsync(string address, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(m => m.To.Any(t => t.Contains(address, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The plain-text body of a message.</summary>
    public Task<string> PlainTextAsync(string id, CancellationToken cancellationToken) =>
        http.GetStringAsync($"/api/messages/{id}/plaintext", cancellationToken);
}
