using Ksst.Contracts.Events;
using MassTransit;

namespace Ksst.Platform.Messaging;

/// <summary>
/// Names a consumer of one integration event after its queue in <see cref="EventSubscribers"/>
/// (and fails the start for a consumer not listed there); any other endpoint keeps the kebab-case
/// name prefixed by the service.
/// </summary>
/// <param name="service">The service, e.g. "scheduling".</param>
internal sealed class SubscriberEndpointNames(string service) : IEndpointNameFormatter
{
    private readonly KebabCaseEndpointNameFormatter _fallback = new(service, includeNamespace: false);

    public string Separator => _fallback.Separator;

    public string Consumer<T>() where T : class, IConsumer =>
        ConsumedEvent(typeof(T)) is { } consumed ? EventSubscribers.QueueOf(service, consumed) : _fallback.Consumer<T>();

    /// <summary>The one integration event <paramref name="consumer"/> consumes, or null.</summary>
    internal static Type? ConsumedEvent(Type consumer)
    {
        var events = consumer.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0])
            .Where(IntegrationEvents.ByExchange.Values.Contains)
            .ToList();
        return events.Count == 1 ? events[0] : null;
    }

    public string TemporaryEndpoint(string tag) => _fallback.TemporaryEndpoint(tag);

    public string Message<T>() where T : class => _fallback.Message<T>();

    public string Saga<T>() where T : class, ISaga => _fallback.Saga<T>();

    public string ExecuteActivity<T, TArguments>() where T : class, IExecuteActivity<TArguments> where TArguments : class =>
        _fallback.ExecuteActivity<T, TArguments>();

    public string CompensateActivity<T, TLog>() where T : class, ICompensateActivity<TLog> where TLog : class =>
        _fallback.CompensateActivity<T, TLog>();

    public string SanitizeName(string name) => _fallback.SanitizeName(name);
}
