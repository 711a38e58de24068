using Ksst.Platform.Sqlite;

namespace Ksst.Registration.Data;

/// <summary>Design-time construction of <see cref="RegistrationDbContext"/> for `dotnet ef`.</summary>
internal sealed class DesignTimeFactory : SqliteDesignTimeFactory<RegistrationDbContext>;
