using Microsoft.EntityFrameworkCore.Migrations;

namespace Ksst.Platform.Audit;

/// <summary>
/// The database's own guard of the audit log: SQLite triggers that abort any UPDATE or DELETE of
/// <c>audit_entries</c>, whoever issues it (the service, a bug, an operator's sqlite3 shell short
/// of dropping the trigger). Created by each service's migration that adds the table; the SQL
/// here must not change (a change would be a new migration).
/// </summary>
public static class AuditTriggers
{
    /// <summary>The trigger refusing updates.</summary>
    public const string NoUpdate = "audit_entries_no_update";

    /// <summary>The trigger refusing deletes.</summary>
    public const string NoDelete = "audit_entries_no_delete";

    /// <summary>The error message both raise.</summary>
    public const string Refusal = "audit entries are append-only";

    /// <summary>Creates both triggers (after the table).</summary>
    public static void CreateAuditTriggers(this MigrationBuilder migration)
    {
        migration.Sql($"CREATE TRIGGER {NoUpdate} BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;");
        migration.Sql($"CREATE TRIGGER {NoDelete} BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;");
    }

    /// <summary>Drops both triggers (before the table).</summary>
    public static void DropAuditTriggers(this MigrationBuilder migration)
    {
        migration.Sql($"DROP TRIGGER IF EXISTS {NoUpdate};");
        migration.Sql($"DROP TRIGGER IF EXISTS {NoDelete};");
    }
}
