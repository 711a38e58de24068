using Ksst.Platform.Sqlite;

namespace Ksst.Identity.Data;

/// <summary>Design-time construction of <see cref="IdentityDb"/> for `dotnet ef`.</summary>
internal sealed class DesignTimeFactory : SqliteDesignTimeFactory<IdentityDb>;
