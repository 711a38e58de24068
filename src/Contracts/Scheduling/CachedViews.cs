using System.ComponentModel;

namespace Ksst.Contracts.Scheduling.V1;

// Scheduling serves agendas and itineraries from its in-memory cache as shared instances (no
// copy per read): once built they are never changed, only replaced when the batch changes.

/// <summary>A batch's agenda; immutable once built (see above).</summary>
[ImmutableObject(true)]
public sealed partial class Agenda;

/// <summary>A participant's itinerary; immutable once built (see above).</summary>
[ImmutableObject(true)]
public sealed partial class Itinerary;
