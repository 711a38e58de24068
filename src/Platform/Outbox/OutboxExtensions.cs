using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ksst.Platform.Outbox;

/// <summary>The outbox of a service that publishes events: rows written with its changes, relayed to the broker.</summary>
public static class OutboxExtensions
{
    /// <summary>
    /// Relays the outbox of <typeparamref name="TContext"/> (added with
    /// <see cref="ServiceDatabaseExtensions.AddServiceDatabase{TContext}"/>, its model mapped with
    /// <see cref="ModelBuilderExtensions.AddOutbox"/>) to the broker, woken by every commit that adds rows.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxSaveChangesInterceptor>();
        builder.Services.AddSingleton<IInterceptor, OutboxTransactionInterceptor>();
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        return builder;
    }
}
