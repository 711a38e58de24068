using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ksst.FaultRun.Observations;

/// <summary>
/// Collects the inbox as mail arrives, as a mail client that deletes what it has read: every half
/// second it lists smtp4dev's messages (REST API), reads each one's Message-Id from the head of its
/// raw source and deletes it. smtp4dev sorts its whole store on every message it receives (to keep
/// only the newest N), so a store of tens of thousands slows it to a crawl; emptied as it fills, it
/// keeps up. While the mail server is down, collecting waits; the server keeps its store across its
/// restart (Ksst:Mail:KeepAcrossRestarts), so nothing is missed.
/// </summary>
public sealed class Mailbox : IAsyncDisposable
{
    private const int ReadersAtOnce = 8;
    private const int PageSize = 500;
    private readonly HttpClient _http;
    private readonly List<string> _messageIds = [];
    private readonly HashSet<string> _read = []; // smtp4dev's own ids of the messages read
    private readonly List<long> _arrivals = []; // Stopwatch timestamps, one per collected message
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _collecting;

    /// <summary>Starts collecting through <paramref name="http"/> (smtp4dev's http endpoint).</summary>
    public Mailbox(HttpClient http)
    {
        _http = http;
        _collecting = Task.Run(CollectAsync);
    }

    /// <summary>Emails collected so far.</summary>
    public int Collected
    {
        get
        {
            lock (_messageIds)
            {
                return _messageIds.Count;
            }
        }
    }

    /// <summary>Emails collected within the last <paramref name="window"/>: how fast mail arrives now.</summary>
    public int CollectedWithin(TimeSpan window)
    {
        var since = Stopwatch.GetTimestamp() - (long)(window.TotalSeconds * Stopwatch.Frequency);
        lock (_messageIds)
        {
            return _arrivals.Count - _arrivals.FindLastIndex(t => t < since) - 1;
        }
    }

    /// <summary>
    /// Collects what is still in the inbox and stops; returns the Message-Id of every email
    /// collected (without angle brackets), once per email, so a repeated id appears repeatedly.
    /// </summary>
    public async Task<IReadOnlyList<string>> FinishAsync(CancellationToken ct)
    {
        await StopAsync();
        while (await CollectOnceAsync(ct) > 0)
        {
        }
        lock (_messageIds)
        {
            return [.. _messageIds];
        }
    }

    private async Task CollectAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (await CollectOnceAsync(_stop.Token) == PageSize)
                {
                    continue; // more waiting
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or JsonException && !_stop.IsCancellationRequested)
            {
                // The mail server is away (stopped, or restarting): try again shortly.
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Reads and deletes one page of messages, oldest first; returns how many.</summary>
    private async Task<int> CollectOnceAsync(CancellationToken ct)
    {
        var page = await _http.GetFromJsonAsync<JsonElement>(
            string.Create(CultureInfo.InvariantCulture, $"/api/messages?page=1&pageSize={PageSize}&sortColumn=receivedDate&sortIsDescending=false"), ct);
        var ids = page.GetProperty("results").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = ReadersAtOnce, CancellationToken = ct }, async (id, token) =>
        {
            bool known;
            lock (_messageIds)
            {
                known = _read.Contains(id);
            }
            if (!known)
            {
                var messageId = await MessageIdAsync(id, token) ?? $"(no Message-Id: smtp4dev message {id})";
                lock (_messageIds)
                {
                    if (_read.Add(id))
                    {
                        _messageIds.Add(messageId);
                        _arrivals.Add(Stopwatch.GetTimestamp());
                    }
                }
            }
            // Deleted once read (by smtp4dev's own id, so one whose deletion failed is deleted next
            // time, not counted twice); two emails with one Message-Id are two messages here.
            using var deleted = await _http.DeleteAsync($"/api/messages/{id}", token);
            deleted.EnsureSuccessStatusCode();
        });
        return ids.Count;
    }

    /// <summary>The Message-Id header of one message, from the head of its raw source.</summary>
    private async Task<string?> MessageIdAsync(string id, CancellationToken ct)
    {
        using var response = await _http.GetAsync($"/api/messages/{id}/download", HttpCompletionOption.ResponseHeadersRead, ct);
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

    private async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _collecting;
        }
    }

    /// <summary>Stops collecting.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
