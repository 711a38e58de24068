using Ksst.Outbox;
using Ksst.Scheduling.Data;
using Ksst.Scheduling.Roster;

namespace Ksst.Scheduling;

/// <summary>Registers and maps everything the Scheduling service is made of.</summary>
internal static class SchedulingServiceExtensions
{
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddGrpcApi("KSST Scheduling");
        builder.AddServiceDatabase<SchedulingDbContext>("scheduling-db");
        builder.AddServiceMessaging("scheduling", bus => bus.AddConsumer<ParticipantNominatedConsumer>());
        return builder;
    }

    public static WebApplication MapScheduling(this WebApplication app)
    {
        app.MapGrpcApi();
        app.MapGrpcService<RosterApi>();
        return app;
    }
}
