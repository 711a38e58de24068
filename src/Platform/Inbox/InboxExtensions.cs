using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Ksst.Platform.Inbox;

/// <summary>The inbox of a service that consumes events.</summary>
public static class InboxExtensions
{
    /// <summary>
    /// Prunes the inbox of <typeparamref name="TContext"/> (its model mapped with
    /// <see cref="ModelBuilderExtensions.AddInbox"/>) after <see cref="InboxOptions.Retention"/>.
    /// </summary>
    public static IHostApplicationBuilder AddInbox<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddOptions<InboxOptions>().Bind(builder.Configuration.GetSection(InboxOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IRetentionRule<TContext>, InboxRetention<TContext>>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RetentionPruner<TContext>>());
        return builder;
    }
}
