using Ksst.ServiceDefaults.Access;
using Ksst.Platform.Audit;
using Ksst.Platform.Inbox;
using Ksst.Platform.Messaging;
using Ksst.Platform.Outbox;
using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Agenda;
using Ksst.Scheduling.Data;
using Ksst.Scheduling.Demo;
using Ksst.Scheduling.Feeds;
using Ksst.Scheduling.Groups;
using Ksst.Scheduling.Roster;
using Ksst.Scheduling.Sessions;
using Microsoft.Extensions.Caching.Hybrid;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.Scheduling;

/// <summary>Registers and maps everything the Scheduling service is made of.</summary>
internal static class SchedulingServiceExtensions
{
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(TravelMatrix.WestJava());
        builder.AddGrpcApi("KSST Scheduling", "scheduling", Access.SchedulingAccess.Table);
        builder.AddServiceDatabase<SchedulingDbContext>("scheduling-db");
        builder.AddOutbox<SchedulingDbContext>();
        builder.AddInbox<SchedulingDbContext>();
        builder.AddAuditLog<SchedulingDbContext>("scheduling");
        builder.Services.AddSingleton<IDatabaseSeeder<SchedulingDbContext>, TimetableDemoSeeder>();
        builder.AddServiceMessaging("scheduling", bus =>
        {
            bus.AddConsumer<ParticipantNominatedConsumer>();
            bus.AddConsumer<ParticipantWaitlistedConsumer>();
            bus.AddConsumer<ParticipantAcceptedConsumer>();
            bus.AddConsumer<ParticipantPromotedConsumer>();
            bus.AddConsumer<ParticipantConfirmedConsumer>();
            bus.AddConsumer<ParticipantAttendedConsumer>();
            bus.AddConsumer<ParticipantWithdrawnConsumer>();
            bus.AddConsumer<ParticipantRejectedConsumer>();
        });

        builder.Services.AddServiceGrpcClient<NominationsClient>("registration");
        builder.Services.AddBatchOrganisers();
        builder.Services.AddScoped<Access.ItineraryAccess>();
        builder.Services.AddSingleton<TimetableCache>();
        builder.Services.AddScoped<TimetableChecks>();
        builder.Services.AddScoped<SessionCommands>();
        builder.Services.AddScoped<SessionQueries>();
        builder.Services.AddScoped<VenueCommands>();
        builder.Services.AddScoped<SpeakerCommands>();
        builder.Services.AddScoped<GroupCommands>();
        builder.Services.AddScoped<GroupQueries>();
        builder.Services.AddScoped<RosterQueries>();
        builder.Services.AddScoped<RosterInbox>();
        builder.Services.AddScoped<RosterReconciler>();
        builder.Services.AddOptions<RosterReconciliationOptions>().Bind(builder.Configuration.GetSection("Scheduling:RosterReconciliation"));
        builder.Services.AddHostedService<RosterReconciliation>();
        builder.AddTimetableViews();
        builder.AddCalendarFeeds();
        return builder;
    }

    public static WebApplication MapScheduling(this WebApplication app)
    {
        app.MapGrpcApi();
        app.MapGrpcService<SchedulingApi>();
        app.MapCalendarFeeds();
        app.MapOutbox<SchedulingDbContext>();
        app.MapAuditLog<SchedulingDbContext>();
        return app;
    }

    /// <summary>Agenda and itineraries through HybridCache, with Redis ("cache") as its second level: while Redis is away, a miss.</summary>
    private static void AddTimetableViews(this WebApplicationBuilder builder)
    {
        builder.AddServiceCache(); // Redis as the IDistributedCache, behind the cache breaker.
        builder.Services.AddHybridCache(options => options.MaximumPayloadBytes = 16 * 1024 * 1024)
            .AddSerializerFactory<ProtobufCacheSerializerFactory>();
        builder.Services.AddSingleton<CacheMetrics>();
        builder.Services.AddScoped<TimetableViews>();
        builder.Services.AddScoped<TimetableCalendars>();
    }

    /// <summary>Secret calendar feed URLs, and their tokens kept out of traces and logs.</summary>
    private static void AddCalendarFeeds(this WebApplicationBuilder builder)
    {
        builder.AddFeedTelemetry();
        builder.Services.AddSingleton<FeedBaseUrl>();
        builder.Services.AddSingleton<Access.FeedAccess>();
        builder.Services.AddScoped<FeedCommands>();
        builder.Services.AddScoped<FeedQueries>();
    }
}
