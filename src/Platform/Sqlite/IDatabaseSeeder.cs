using Microsoft.EntityFrameworkCore;

namespace Ksst.Platform.Sqlite;

/// <summary>Loads a service's demo or reference data after migrations; must be idempotent.</summary>
public interface IDatabaseSeeder<in TContext> where TContext : DbContext
{
    /// <summary>Adds whatever is missing.</summary>
    Task SeedAsync(TContext db, CancellationToken cancellationToken);
}
