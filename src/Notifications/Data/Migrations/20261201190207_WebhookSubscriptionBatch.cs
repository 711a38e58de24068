using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ksst.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class WebhookSubscriptionBatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BatchId",
                table: "webhook_subscriptions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BatchId",
                table: "webhook_subscriptions");
        }
    }
}
