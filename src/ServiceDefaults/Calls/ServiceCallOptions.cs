namespace Ksst.ServiceDefaults.Calls;

/// <summary>Limits of calls from one KSST service to another (configuration section "ServiceCalls").</summary>
public sealed class ServiceCallOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ServiceCalls";

    /// <summary>The deadline of a call whose caller set none, counted from the call's start (retries included).</summary>
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromSeconds(5);
}
