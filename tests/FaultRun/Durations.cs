using System.Globalization;

namespace Ksst.FaultRun;

/// <summary>Times as the report writes them.</summary>
public static class Durations
{
    /// <summary>"45 s", "5 min", "2 min 10 s".</summary>
    public static string Text(TimeSpan span) => span switch
    {
        { TotalSeconds: < 60 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s"),
        { Seconds: 0 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds} s"),
    };

    /// <summary>A wall-clock time of day (UTC) for logs and the report.</summary>
    public static string At(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Now, as <see cref="At"/> writes it.</summary>
    public static string Now => At(DateTimeOffset.UtcNow);
}
