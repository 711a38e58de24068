using System.Globalization;
using System.Text;
using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Ksst.Contracts.Scheduling.V1;
using Ksst.Scheduling.Agenda;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling;

/// <summary>The Scheduling gRPC service; this part: the agenda, itineraries and their calendars.</summary>
internal sealed partial class SchedulingApi
{
    public override async Task<Api.Agenda> GetAgenda(GetAgendaRequest request, ServerCallContext context)
    {
        new FieldViolations()
            .AddIf(string.IsNullOrWhiteSpace(request.BatchId), "batch_id", "Required.")
            .AddIf(request.Date.Length > 0 && !DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                "date", "A date as YYYY-MM-DD.")
            .ThrowIfAny();
        await OrganisesAsync(request.BatchId, context);
        var agenda = await views.AgendaAsync(request.BatchId, context.CancellationToken);
        return request.Date.Length == 0
            ? agenda
            : new Api.Agenda { BatchId = agenda.BatchId, Days = { agenda.Days.Where(d => d.Date == request.Date) } };
    }

    public override async Task<Itinerary> GetItinerary(GetItineraryRequest request, ServerCallContext context) =>
        await ItineraryOfAsync(request.BatchId, request.NominationId, context);

    public override async Task<HttpBody> GetAgendaCalendar(GetAgendaCalendarRequest request, ServerCallContext context)
    {
        RequireBatchId(request.BatchId);
        await OrganisesAsync(request.BatchId, context);
        return Calendar(await calendars.AgendaAsync(request.BatchId, context.CancellationToken));
    }

    public override async Task<HttpBody> GetItineraryCalendar(GetItineraryCalendarRequest request, ServerCallContext context)
    {
        var itinerary = await ItineraryOfAsync(request.BatchId, request.NominationId, context);
        return Calendar(calendars.Itinerary(itinerary));
    }

    private async Task<Itinerary> ItineraryOfAsync(string batchId, string nominationId, ServerCallContext context)
    {
        var violations = new FieldViolations().AddIf(string.IsNullOrWhiteSpace(batchId), "batch_id", "Required.");
        var id = RequestFields.RequireId(nominationId, "nomination_id", violations);
        await itineraries.CheckAsync(context, batchId, id);
        return await views.ItineraryAsync(batchId, id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("roster entry", $"batches/{batchId}/roster/{id}");
    }

    private static HttpBody Calendar(string text) => new()
    {
        ContentType = TimetableCalendars.ContentType,
        Data = ByteString.CopyFrom(text, Encoding.UTF8),
    };
}
