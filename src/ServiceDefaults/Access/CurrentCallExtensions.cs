using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ksst.ServiceDefaults.Access;

/// <summary>Registers <see cref="ICurrentCall"/>: the call being served, read from the HTTP context.</summary>
public static class CurrentCallExtensions
{
    /// <summary>Adds <see cref="ICurrentCall"/> (a singleton: it reads the ambient HTTP context of each call).</summary>
    public static IServiceCollection AddCurrentCall(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton<ICurrentCall, HttpCurrentCall>();
        return services;
    }
}
