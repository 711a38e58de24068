using Grpc.Core;
using Ksst.Contracts.Scheduling.V1;
using Ksst.Scheduling.Sessions;
using Ksst.ServiceDefaults.Errors;
using Api = Ksst.Contracts.Scheduling.V1;
using Speaker = Ksst.Scheduling.Sessions.Speaker;

namespace Ksst.Scheduling;

/// <summary>The Scheduling gRPC service; this part: hosts and speakers.</summary>
internal sealed partial class SchedulingApi
{
    public override async Task<Api.Speaker> CreateSpeaker(CreateSpeakerRequest request, ServerCallContext context)
    {
        var s = request.Speaker;
        (s is null
            ? new FieldViolations().Add("speaker", "Required.")
            : new FieldViolations()
                .AddIf(string.IsNullOrWhiteSpace(s.SpeakerId), "speaker.speaker_id", "Required.")
                .AddIf(string.IsNullOrWhiteSpace(s.Name), "speaker.name", "Required.")).ThrowIfAny();
        var speaker = new Speaker { Id = s!.SpeakerId.Trim(), Name = s.Name.Trim(), Institution = s.Institution.Trim() };
        return (await speakers.CreateAsync(speaker, context.CancellationToken)).ToApi();
    }

    public override async Task<ListSpeakersResponse> ListSpeakers(ListSpeakersRequest request, ServerCallContext context) =>
        new() { Speakers = { (await timetable.SpeakersAsync(context.CancellationToken)).Select(s => s.ToApi()) } };
}
