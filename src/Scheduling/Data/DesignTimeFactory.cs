using Ksst.Platform.Sqlite;

namespace Ksst.Scheduling.Data;

/// <summary>Design-time construction of <see cref="SchedulingDbContext"/> for `dotnet ef`.</summary>
internal sealed class DesignTimeFactory : SqliteDesignTimeFactory<SchedulingDbContext>;
