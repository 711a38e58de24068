using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ksst.Platform.Sqlite;

/// <summary>
/// Stores DateTimeOffset as UTC ticks: SQLite cannot compare or order EF Core's default text
/// form, and the outbox, the inbox and every time-ordered query rely on both.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

/// <summary>Model conventions every service database shares.</summary>
public static class ModelConventions
{
    /// <summary>Maps every DateTimeOffset through <see cref="UtcTicksConverter"/>.</summary>
    public static ModelConfigurationBuilder UseUtcTicksForTimes(this ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        return configuration;
    }
}
