using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ksst.Scheduling.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionAndRosterVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "roster",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "roster");
        }
    }
}
