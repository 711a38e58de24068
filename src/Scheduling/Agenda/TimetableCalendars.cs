using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling.Agenda;

/// <summary>
/// The agenda of a batch and a participant's itinerary as iCalendar text
/// (<see cref="CalendarFeed"/>), named as calendar apps show them, from the cached views
/// (<see cref="TimetableViews"/>). The API's .ics routes and the secret feed URLs both serve
/// these. Who may read them is checked before.
/// </summary>
internal sealed class TimetableCalendars(TimetableViews views, TimeProvider clock)
{
    /// <summary>The media type of the calendars.</summary>
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The batch's agenda.</summary>
    public async Task<string> AgendaAsync(string batchId, CancellationToken ct) =>
        Write($"KSST {batchId}", (await views.AgendaAsync(batchId, ct)).Days);

    /// <summary>The participant's itinerary; null when the nomination is not on the batch's roster.</summary>
    public async Task<string?> ItineraryAsync(string batchId, Guid nominationId, CancellationToken ct) =>
        await views.ItineraryAsync(batchId, nominationId, ct) is { } itinerary ? Itinerary(itinerary) : null;

    /// <summary>An itinerary already read.</summary>
    public string Itinerary(Api.Itinerary itinerary) => Write($"KSST {itinerary.BatchId} itinerary", itinerary.Days);

    private string Write(string name, IEnumerable<Api.AgendaDay> days) =>
        CalendarFeed.Write(name, days.SelectMany(d => d.Items).ToList(), clock.GetUtcNow());
}
