using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.Ledger.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Notices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    notice_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    branch_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sender_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sender_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    delivered = table.Column<int>(type: "INTEGER", nullable: true),
                    unbound = table.Column<int>(type: "INTEGER", nullable: true),
                    failed = table.Column<int>(type: "INTEGER", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notice_acknowledgements",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    notice_id = table.Column<long>(type: "INTEGER", nullable: false),
                    member_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    source_activity_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_acknowledgements", x => x.id);
                    table.ForeignKey(
                        name: "FK_notice_acknowledgements_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notice_recipients",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    notice_id = table.Column<long>(type: "INTEGER", nullable: false),
                    member_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    delivery = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_recipients", x => x.id);
                    table.ForeignKey(
                        name: "FK_notice_recipients_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_notice_acknowledgements_member",
                table: "notice_acknowledgements",
                columns: new[] { "notice_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notice_recipients_member",
                table: "notice_recipients",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ux_notice_recipients_member",
                table: "notice_recipients",
                columns: new[] { "notice_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notices_branch",
                table: "notices",
                column: "branch_id");

            migrationBuilder.CreateIndex(
                name: "ux_notices_key",
                table: "notices",
                column: "notice_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notice_acknowledgements");

            migrationBuilder.DropTable(
                name: "notice_recipients");

            migrationBuilder.DropTable(
                name: "notices");
        }
    }
}
