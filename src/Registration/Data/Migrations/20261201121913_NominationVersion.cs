using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ksst.Registration.Data.Migrations
{
    /// <inheritdoc />
    public partial class NominationVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "nominations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1L); // Stored nominations start at version 1, as new ones do.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "nominations");
        }
    }
}
