using Google.Protobuf.WellKnownTypes;

namespace Ksst.ServiceDefaults.Errors;

/// <summary>
/// The timestamp rule of every API (ksst/api/v1/text.proto): a google.protobuf.Timestamp lies in
/// protobuf's valid range, 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z, with nanos
/// from 0 to 999,999,999. Outside it a timestamp has no date and time to convert to.
/// </summary>
public static class TimestampRange
{
    /// <summary>The seconds of 0001-01-01T00:00:00Z.</summary>
    public const long MinSeconds = -62_135_596_800;

    /// <summary>The seconds of 9999-12-31T23:59:59Z.</summary>
    public const long MaxSeconds = 253_402_300_799;

    /// <summary>What is wrong with <paramref name="timestamp"/>, or null when it is valid.</summary>
    public static string? Check(Timestamp timestamp) =>
        timestamp.Seconds is < MinSeconds or > MaxSeconds
            ? $"A time between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z; this has seconds = {timestamp.Seconds}."
            : timestamp.Nanos is < 0 or > 999_999_999
                ? $"Nanos must be from 0 to 999999999; this has {timestamp.Nanos}."
                : null;
}
