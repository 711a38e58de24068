using Ksst.Contracts.Events;
using Ksst.Platform.Messaging;
using MassTransit;

namespace Ksst.UnitTests.Platform;

public sealed class EventNamesTests
{
    private sealed class TypeNames : IEntityNameFormatter
    {
        public string FormatEntityName<T>() => typeof(T).Name;
    }

    private sealed record Unversioned;

    [Fact]
    public void An_event_goes_to_the_exchange_its_contract_names() =>
        Assert.Equal("ksst.registration.participant-nominated.v1", new EventNames(new TypeNames()).FormatEntityName<ParticipantNominated>());

    [Fact]
    public void Other_messages_keep_the_default_name() =>
        Assert.Equal(nameof(Unversioned), new EventNames(new TypeNames()).FormatEntityName<Unversioned>());

    [Fact]
    public void Every_integration_event_names_a_versioned_exchange()
    {
        var events = typeof(IIntegrationEvent).Assembly.GetTypes()
            .Where(t => t.IsClass && typeof(IIntegrationEvent).IsAssignableFrom(t)).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, t =>
        {
            var attribute = (IntegrationEventAttribute?)Attribute.GetCustomAttribute(t, typeof(IntegrationEventAttribute));
            Assert.NotNull(attribute);
            Assert.Matches(@"^ksst\.[a-z]+\.[a-z-]+\.v\d+$", attribute.Exchange);
        });
    }
}
