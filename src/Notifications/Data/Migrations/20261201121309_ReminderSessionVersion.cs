using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ksst.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReminderSessionVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Not a rename: the old column held ticks of a time, and a version must start at 0.
            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "reminders");

            migrationBuilder.AddColumn<long>(
                name: "SessionVersion",
                table: "reminders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SessionVersion",
                table: "reminders");

            migrationBuilder.AddColumn<long>(
                name: "ChangedAt",
                table: "reminders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }
    }
}
