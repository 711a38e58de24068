using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ksst.Scheduling.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlatformLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
