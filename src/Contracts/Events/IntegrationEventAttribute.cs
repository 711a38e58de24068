namespace Ksst.Contracts.Events;

/// <summary>
/// Names the RabbitMQ exchange an integration event is published to. The name is part of the
/// public contract: renaming the record never moves the exchange. The trailing ".v1" is the
/// contract version; only additive changes are allowed within a version.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventAttribute(string exchange) : Attribute
{
    /// <summary>The exchange name, for example "ksst.registration.participant-nominated.v1".</summary>
    public string Exchange { get; } = exchange;
}
