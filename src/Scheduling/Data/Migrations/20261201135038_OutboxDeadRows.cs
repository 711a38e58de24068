using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ksst.Scheduling.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxDeadRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_PublishedAt_NextAttemptAt",
                table: "outbox_messages");

            migrationBuilder.AddColumn<long>(
                name: "DeadAt",
                table: "outbox_messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_PublishedAt_DeadAt_NextAttemptAt",
                table: "outbox_messages",
                columns: new[] { "PublishedAt", "DeadAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_PublishedAt_DeadAt_NextAttemptAt",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "DeadAt",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_PublishedAt_NextAttemptAt",
                table: "outbox_messages",
                columns: new[] { "PublishedAt", "NextAttemptAt" });
        }
    }
}
