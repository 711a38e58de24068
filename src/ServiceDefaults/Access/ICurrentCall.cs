namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// The API call being served, if any: who makes it and which RPC it is. Outside a call (a
/// consumer, a background loop) both are null: the service itself acts.
/// </summary>
public interface ICurrentCall
{
    /// <summary>The verified caller, or null outside an authenticated call.</summary>
    Caller? Caller { get; }

    /// <summary>The RPC's full method name, e.g. "/ksst.registration.v1.Nominations/AcceptNomination".</summary>
    string? Method { get; }
}
