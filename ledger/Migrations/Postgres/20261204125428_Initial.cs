using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PartyAffairs.Ledger.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "completion_occurrences",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    branch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    duty_kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    period_key = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    occurrence_key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_activity_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    origin = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_completion_occurrences", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "completions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    branch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    duty_kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    period_key = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_activity_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    origin = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_completions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dues_payments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    branch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    member_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    batch_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_activity_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_payments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dues_profiles",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    branch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    member_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    monthly_income = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    rate = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: true),
                    monthly_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    effective_from = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    set_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_profiles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "meeting_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    branch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    speaker = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    hours = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "record_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    record_id = table.Column<long>(type: "bigint", nullable: false),
                    branch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    before = table.Column<string>(type: "text", nullable: true),
                    after = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "study_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    branch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    member_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_activity_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_study_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "record_attendance",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    record_id = table.Column<long>(type: "bigint", nullable: false),
                    member_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    present = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_attendance", x => x.id);
                    table.ForeignKey(
                        name: "FK_record_attendance_meeting_records_record_id",
                        column: x => x.record_id,
                        principalTable: "meeting_records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_occurrences_subject",
                table: "completion_occurrences",
                columns: new[] { "branch_id", "subject_id", "duty_kind", "period_key", "occurrence_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_completions_period",
                table: "completions",
                columns: new[] { "branch_id", "period_key" });

            migrationBuilder.CreateIndex(
                name: "ux_completions_subject",
                table: "completions",
                columns: new[] { "branch_id", "subject_id", "duty_kind", "period_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dues_payments_branch_month",
                table: "dues_payments",
                columns: new[] { "branch_id", "month" });

            migrationBuilder.CreateIndex(
                name: "ux_dues_payments_month",
                table: "dues_payments",
                columns: new[] { "branch_id", "member_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dues_profiles_member",
                table: "dues_profiles",
                columns: new[] { "branch_id", "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_records_branch_date",
                table: "meeting_records",
                columns: new[] { "branch_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ux_attendance_member",
                table: "record_attendance",
                columns: new[] { "record_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_record",
                table: "record_audit",
                columns: new[] { "branch_id", "record_id" });

            migrationBuilder.CreateIndex(
                name: "ix_study_branch_date",
                table: "study_entries",
                columns: new[] { "branch_id", "date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "completion_occurrences");

            migrationBuilder.DropTable(
                name: "completions");

            migrationBuilder.DropTable(
                name: "dues_payments");

            migrationBuilder.DropTable(
                name: "dues_profiles");

            migrationBuilder.DropTable(
                name: "record_attendance");

            migrationBuilder.DropTable(
                name: "record_audit");

            migrationBuilder.DropTable(
                name: "study_entries");

            migrationBuilder.DropTable(
                name: "meeting_records");
        }
    }
}
