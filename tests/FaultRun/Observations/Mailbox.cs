using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ksst.FaultRun.Observations;

/// <summary>
/// The mail server's inbox through smtp4dev's REST API: the Message-Id of every message held (read
/// from the head of each raw message, so nothing is parsed but headers). smtp4dev reads its whole
/// store for any listing, so the list is asked for once, in one page.
/// </summary>
public sealed class Mailbox(HttpClient http, int mostKept)
{
    private const int ReadersAtOnce = 8;

    /// <summary>The Message-Id of every message held (without angle brackets); one entry per message, so a repeated id appears repeatedly.</summary>
    public async Task<IReadOnlyList<string>> MessageIdsAsync(CancellationToken ct)
    {
        var body = await http.GetFromJsonAsync<JsonElement>(
            string.Create(CultureInfo.InvariantCulture, $"/api/messages?page=1&pageSize={mostKept}"), ct);
        var ids = body.GetProperty("results").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList();
        var messageIds = new string[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = ReadersAtOnce, CancellationToken = ct },
            async (i, token) => messageIds[i] = await MessageIdAsync(ids[i], token) ?? $"(no Message-Id: smtp4dev message {ids[i]})");
        return messageIds;
    }
    /// <summary>The Message-Id header of one message, from its raw source.</summary>
    private async Task<string?> MessageIdAsync(string id, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/api/messages/{id}/download", HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct), Encoding.UTF8);
        // Headers end at the first empty line; a header may continue on lines that start with white space.
        string? current = null;
        while (await reader.ReadLineAsync(ct) is { Length: > 0 } line)
        {
            if (line[0] is ' ' or '\t' && current is not null)
            {
                current += line.Trim();
                continue;
            }
            if (ValueOf(current) is { } found)
            {
                return found;
            }
            current = line;
        }
        return ValueOf(current);
    }

    private static string? ValueOf(string? header) =>
        header is not null && header.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase)
            ? header["Message-Id:".Length..].Trim().Trim('<', '>')
            : null;
}
