using Ksst.Outbox;
using Ksst.Scheduling.Data;
using Ksst.Scheduling.Roster;
using Ksst.Scheduling.Sessions;

namespace Ksst.Scheduling;

/// <summary>Registers and maps everything the Scheduling service is made of.</summary>
internal static class SchedulingServiceExtensions
{
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(TravelMatrix.WestJava());
        builder.AddGrpcApi("KSST Scheduling");
        builder.AddServiceDatabase<SchedulingDbContext>("scheduling-db");
        builder.AddServiceMessaging("scheduling", bus =>
        {
            bus.AddConsumer<ParticipantNominatedConsumer>();
            bus.AddConsumer<ParticipantAcceptedConsumer>();
            bus.AddConsumer<ParticipantPromotedConsumer>();
            bus.AddConsumer<ParticipantConfirmedConsumer>();
            bus.AddConsumer<ParticipantWithdrawnConsumer>();
            bus.AddConsumer<ParticipantRejectedConsumer>();
        });
        return builder;
    }

    public static WebApplication MapScheduling(this WebApplication app)
    {
        app.MapGrpcApi();
        app.MapGrpcService<SchedulingApi>();
        return app;
    }
}
