using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ksst.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryClaimsAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClaimedAt",
                table: "webhook_deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastAttemptAt",
                table: "webhook_deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClaimedAt",
                table: "deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_Status_CreatedAt",
                table: "webhook_deliveries",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_Status_CreatedAt",
                table: "deliveries",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_webhook_deliveries_Status_CreatedAt",
                table: "webhook_deliveries");

            migrationBuilder.DropIndex(
                name: "IX_deliveries_Status_CreatedAt",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "ClaimedAt",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "LastAttemptAt",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "ClaimedAt",
                table: "deliveries");
        }
    }
}
