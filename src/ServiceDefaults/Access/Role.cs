namespace Ksst.ServiceDefaults.Access;

/// <summary>What a caller is to the programme platform; the access token's <c>role</c> claim.</summary>
public enum Role
{
    /// <summary>Runs programmes: everything for the batches of the programmes they organise.</summary>
    Organiser,

    /// <summary>A member country's nominating agency: its own country's nominations only.</summary>
    Agency,

    /// <summary>A nominee: their own nomination, itinerary and deliveries only.</summary>
    Participant,

    /// <summary>Operates the platform: health, metrics, delivery and outbox state, no personal data.</summary>
    Ops,

    /// <summary>Another KSST service, calling exactly the RPCs it needs.</summary>
    Service,
}
