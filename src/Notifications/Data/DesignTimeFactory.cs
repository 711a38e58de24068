using Ksst.Platform.Sqlite;

namespace Ksst.Notifications.Data;

/// <summary>Design-time construction of <see cref="NotificationsDbContext"/> for `dotnet ef`.</summary>
internal sealed class DesignTimeFactory : SqliteDesignTimeFactory<NotificationsDbContext>;
