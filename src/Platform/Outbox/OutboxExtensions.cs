using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using System.Diagnostics.Metrics;

namespace Ksst.Platform.Outbox;

/// <summary>The outbox of a service that publishes events: rows written with its changes, relayed to the broker.</summary>
public static class OutboxExtensions
{
    /// <summary>
    /// Relays the outbox of <typeparamref name="TContext"/> (added with
    /// <see cref="ServiceDatabaseExtensions.AddServiceDatabase{TContext}"/>, its model mapped with
    /// <see cref="ModelBuilderExtensions.AddOutbox"/>) to the broker, woken by every commit that adds
    /// rows; counts its rows as metrics and prunes published ones after <see cref="OutboxOptions.Retention"/>.
    /// Needs the service's messaging (<see cref="MessagingExtensions.AddServiceMessaging{TBuilder}"/>).
    /// </summary>
    public static IHostApplicationBuilder AddOutbox<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        builder.Services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxSaveChangesInterceptor>();
        builder.Services.AddSingleton<IInterceptor, OutboxTransactionInterceptor>();
        builder.Services.AddSingleton<SubscriberRoutes>();
        builder.Services.AddSingleton(services => new OutboxMetrics(
            services.GetRequiredService<IMeterFactory>(),
            services.GetRequiredService<TimeProvider>(),
            () => OutboxCensus.Take<TContext>(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<TimeProvider>())));
        builder.Services.AddScoped<OutboxCommands<TContext>>();
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddSingleton<IRetentionRule<TContext>, OutboxRetention<TContext>>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RetentionPruner<TContext>>());
        return builder;
    }

    /// <summary>
    /// Maps the operator API of the outbox (gRPC <c>ksst.operations.v1.OutboxOperations</c> and its
    /// JSON routes <c>/api/v1/outbox/events…</c>): list pending or dead events, retry dead ones.
    /// </summary>
    public static IEndpointRouteBuilder MapOutbox<TContext>(this IEndpointRouteBuilder app) where TContext : DbContext
    {
        app.MapGrpcService<OutboxOperationsApi<TContext>>();
        return app;
    }
}
