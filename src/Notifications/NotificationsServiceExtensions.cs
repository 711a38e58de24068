using Ksst.ServiceDefaults.Access;
using Ksst.Contracts.Events;
using Ksst.Notifications.Contacts;
using Ksst.Notifications.Data;
using Ksst.Notifications.Delivery;
using Ksst.Notifications.Notices;
using Ksst.Notifications.Reminders;
using Ksst.Notifications.Templates;
using Ksst.Notifications.Webhooks;
using Ksst.Platform.Audit;
using Ksst.Platform.Inbox;
using Ksst.Platform.Messaging;
using Ksst.Platform.Sqlite;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.Notifications;

/// <summary>Registers and maps everything the Notifications service is made of.</summary>
internal static class NotificationsServiceExtensions
{
    /// <summary>Messages of one event handled at once (and prefetched) by its notice consumer.</summary>
    private const int NoticesInFlight = 16;

    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddGrpcApi("KSST Notifications", "notifications", Access.NotificationsAccess.Table);
        builder.AddServiceDatabase<NotificationsDbContext>("notifications-db");
        builder.AddInbox<NotificationsDbContext>();
        builder.AddAuditLog<NotificationsDbContext>("notifications");
        builder.AddServiceMessaging("notifications", bus =>
        {
            // One notice consumer per event, each on its own queue named after the event, so a
            // message waiting for Registration never holds up another event's notices. Within a
            // queue, up to NoticesInFlight messages are handled at once: one that waits minutes for
            // a contact (the dependency retry) holds one slot, and the rest go on.
            foreach (var type in IntegrationEvents.ByExchange.Values)
            {
                bus.AddConsumer(typeof(NoticeConsumer<>).MakeGenericType(type))
                    .Endpoint(e =>
                    {
                        e.Name = EventSubscribers.QueueOf("notifications", type);
                        e.PrefetchCount = NoticesInFlight;
                        e.ConcurrentMessageLimit = NoticesInFlight;
                    });
            }
        });
        builder.AddServiceCache();
        builder.Services.AddServiceGrpcClient<NominationsClient>("registration");
        builder.Services.AddBatchOrganisers();
        builder.Services.AddScoped<Access.DeliveryAccess>();
        builder.Services.AddScoped<ContactDirectory>();

        builder.Services.AddOptions<OrganisersOptions>().Bind(builder.Configuration.GetSection("Notifications:Organisers"));
        builder.Services.AddOptions<RetrySchedule>().Bind(builder.Configuration.GetSection("Notifications:Retry"));
        builder.Services.AddOptions<ReminderOptions>().Bind(builder.Configuration.GetSection("Notifications:Reminders"));
        builder.Services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection("Notifications:Webhooks"));
        builder.Services.AddOptions<PauseOptions>().Bind(builder.Configuration.GetSection("Notifications:Pause"));
        builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection("Notifications:Retention"));
        builder.Services.AddOptions<MailOptions>()
            .Bind(builder.Configuration.GetSection("Mail"))
            .Configure(o =>
            {
                if (builder.Configuration.GetConnectionString("mail") is { Length: > 0 } server)
                {
                    o.Server = new Uri(server);
                }
            });

        builder.Services.AddSingleton(services => CheckedTemplates(services.GetRequiredService<IOptions<OrganisersOptions>>().Value));
        builder.Services.AddSingleton<SmtpMailer>();
        builder.Services.AddSingleton<SendingPauses>();
        builder.Services.AddSingleton<NotificationMetrics>();
        builder.Services.AddHealthChecks().AddCheck<SendingHealthCheck>(SendingHealthCheck.Name, HealthStatus.Degraded);
        builder.Services.AddSingleton(typeof(WorkSignal<>));
        builder.Services.AddScoped<DeliveryPlanner>();
        builder.Services.AddScoped<ReminderBook>();
        builder.Services.AddScoped<ReminderQueries>();
        builder.Services.AddScoped<DeliveryQueries>();
        builder.Services.AddScoped<DeliveryCommands>();
        builder.Services.AddScoped<WebhookQueries>();
        builder.Services.AddScoped<WebhookCommands>();
        builder.Services.AddScoped<WebhookFanout>();
        builder.Services.AddSingleton<WebhookAddressGuard>();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers: webhooks retry through their own schedule.
        builder.Services.AddHttpClient(WebhookDispatcher.ClientName)
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                ConnectCallback = services.GetRequiredService<WebhookAddressGuard>().ConnectAsync,
                AllowAutoRedirect = false,
                UseProxy = false,
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddHostedService<MailDispatcher>();
        builder.Services.AddHostedService<ReminderDispatcher>();
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.Services.AddSingleton<DeliveryLogRetention>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DeliveryLogRetention>());
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        // Resolve the templates now: a template with an unknown placeholder stops the start.
        app.Services.GetRequiredService<MailTemplates>();
        app.MapGrpcApi();
        app.MapGrpcService<NotificationsApi>();
        app.MapAuditLog<NotificationsDbContext>();
        return app;
    }

    private static MailTemplates CheckedTemplates(OrganisersOptions organisers)
    {
        var templates = MailTemplates.Load();
        templates.Validate(NoticeSamples.Models(new LocalTimes(TimeZoneInfo.FindSystemTimeZoneById(organisers.TimeZone))));
        return templates;
    }
}
