using Ksst.Notifications.Contacts;
using Ksst.Notifications.Data;
using Ksst.Notifications.Delivery;
using Ksst.Outbox;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.Notifications;

/// <summary>Registers and maps everything the Notifications service is made of.</summary>
internal static class NotificationsServiceExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddGrpcApi("KSST Notifications");
        builder.AddServiceDatabase<NotificationsDbContext>("notifications-db");
        builder.AddServiceMessaging("notifications", bus => bus.AddConsumer<ParticipantNominatedConsumer>());
        builder.AddRedisClient("cache");

        builder.Services.AddOptions<MailOptions>()
            .Bind(builder.Configuration.GetSection("Mail"))
            .Configure(o =>
            {
                if (builder.Configuration.GetConnectionString("mail") is { Length: > 0 } server)
                {
                    o.Server = new Uri(server);
                }
            });
        builder.Services.AddSingleton<SmtpMailer>();
        builder.Services.AddServiceGrpcClient<NominationsClient>("registration");
        builder.Services.AddScoped<ContactDirectory>();
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.MapGrpcApi();
        app.MapGrpcService<DeliveriesApi>();
        return app;
    }
}
