using System.Reflection;
using Ksst.Contracts.Events;
using MassTransit;

namespace Ksst.Platform.Messaging;

/// <summary>
/// Exchange names come from <see cref="IntegrationEventAttribute"/> on the contract, never from
/// the CLR type's name, so renaming a record cannot move an exchange under a subscriber.
/// </summary>
internal sealed class EventNames(IEntityNameFormatter fallback) : IEntityNameFormatter
{
    public string FormatEntityName<T>() =>
        typeof(T).GetCustomAttribute<IntegrationEventAttribute>()?.Exchange ?? fallback.FormatEntityName<T>();
}
