using Microsoft.EntityFrameworkCore;

namespace PartyAffairs.Ledger.Storage;

/// <summary>
/// The ledger's tables. Names are lower-case snake case in both stores, so the few hand-written statements
/// (<c>INSERT … ON CONFLICT DO NOTHING</c>, identical in SQLite and PostgreSQL) read the same everywhere.
/// Each provider has its own derived context and migrations set (<c>Migrations/Sqlite</c>, <c>Migrations/Postgres</c>).
/// </summary>
internal abstract class LedgerDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<CompletionRow> Completions => Set<CompletionRow>();

    public DbSet<OccurrenceRow> Occurrences => Set<OccurrenceRow>();

    public DbSet<MeetingRecordRow> Records => Set<MeetingRecordRow>();

    public DbSet<AttendanceRow> Attendance => Set<AttendanceRow>();

    public DbSet<RecordAuditRow> Audit => Set<RecordAuditRow>();

    public DbSet<DuesProfileRow> DuesProfiles => Set<DuesProfileRow>();

    public DbSet<DuesPaymentRow> DuesPayments => Set<DuesPaymentRow>();

    public DbSet<StudyEntryRow> StudyEntries => Set<StudyEntryRow>();

    public DbSet<NoticeRow> Notices => Set<NoticeRow>();

    public DbSet<NoticeRecipientRow> NoticeRecipients => Set<NoticeRecipientRow>();

    public DbSet<NoticeAcknowledgementRow> NoticeAcknowledgements => Set<NoticeAcknowledgementRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CompletionRow>(e =>
        {
            e.ToTable("completions");
            e.Property(c => c.Id).HasColumnName("id");
            e.Property(c => c.BranchId).HasColumnName("branch_id").HasMaxLength(64);
            e.Property(c => c.SubjectId).HasColumnName("subject_id").HasMaxLength(64);
            e.Property(c => c.DutyKind).HasColumnName("duty_kind").HasMaxLength(64);
            e.Property(c => c.PeriodKey).HasColumnName("period_key").HasMaxLength(16);
            e.Property(c => c.Status).HasColumnName("status").HasMaxLength(8);
            e.Property(c => c.RecordedAt).HasColumnName("recorded_at");
            e.Property(c => c.SourceActivityId).HasColumnName("source_activity_id").HasMaxLength(256);
            e.Property(c => c.Origin).HasColumnName("origin").HasMaxLength(64);
            // First writer wins: INSERT … ON CONFLICT DO NOTHING on this key.
            e.HasIndex(c => new { c.BranchId, c.SubjectId, c.DutyKind, c.PeriodKey }).IsUnique().HasDatabaseName("ux_completions_subject");
            e.HasIndex(c => new { c.BranchId, c.PeriodKey }).HasDatabaseName("ix_completions_period");
        });

        modelBuilder.Entity<OccurrenceRow>(e =>
        {
            e.ToTable("completion_occurrences");
            e.Property(o => o.Id).HasColumnName("id");
            e.Property(o => o.BranchId).HasColumnName("branch_id").HasMaxLength(64);
            e.Property(o => o.SubjectId).HasColumnName("subject_id").HasMaxLength(64);
            e.Property(o => o.DutyKind).HasColumnName("duty_kind").HasMaxLength(64);
            e.Property(o => o.PeriodKey).HasColumnName("period_key").HasMaxLength(16);
            e.Property(o => o.OccurrenceKey).HasColumnName("occurrence_key").HasMaxLength(32);
            e.Property(o => o.Status).HasColumnName("status").HasMaxLength(8);
            e.Property(o => o.RecordedAt).HasColumnName("recorded_at");
            e.Property(o => o.SourceActivityId).HasColumnName("source_activity_id").HasMaxLength(256);
            e.Property(o => o.Origin).HasColumnName("origin").HasMaxLength(64);
            e.HasIndex(o => new { o.BranchId, o.SubjectId, o.DutyKind, o.PeriodKey, o.OccurrenceKey }).IsUnique().HasDatabaseName("ux_occurrences_subject");
        });

        modelBuilder.Entity<MeetingRecordRow>(e =>
        {
            e.ToTable("meeting_records");
            e.Property(r => r.Id).HasColumnName("id");
            e.Property(r => r.BranchId).HasColumnName("branch_id").HasMaxLength(64);
            e.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(32);
            e.Property(r => r.Date).HasColumnName("date");
            e.Property(r => r.Topic).HasColumnName("topic").HasMaxLength(200);
            e.Property(r => r.Speaker).HasColumnName("speaker").HasMaxLength(50);
            e.Property(r => r.Hours).HasColumnName("hours").HasPrecision(8, 2);
            e.Property(r => r.Notes).HasColumnName("notes").HasMaxLength(2000);
            e.Property(r => r.CreatedBy).HasColumnName("created_by").HasMaxLength(64);
            e.Property(r => r.CreatedAt).HasColumnName("created_at");
            e.Property(r => r.UpdatedBy).HasColumnName("updated_by").HasMaxLength(64);
            e.Property(r => r.UpdatedAt).HasColumnName("updated_at");
            e.HasMany(r => r.Attendance).WithOne().HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.BranchId, r.Date }).HasDatabaseName("ix_records_branch_date");
        });

        modelBuilder.Entity<AttendanceRow>(e =>
        {
            e.ToTable("record_attendance");
            e.Property(a => a.Id).HasColumnName("id");
            e.Property(a => a.RecordId).HasColumnName("record_id");
            e.Property(a => a.MemberId).HasColumnName("member_id").HasMaxLength(64);
            e.Property(a => a.Name).HasColumnName("name").HasMaxLength(64);
            e.Property(a => a.Present).HasColumnName("present");
            e.Property(a => a.Reason).HasColumnName("reason").HasMaxLength(100);
            e.Property(a => a.ConfirmedAt).HasColumnName("confirmed_at");
            e.HasIndex(a => new { a.RecordId, a.MemberId }).IsUnique().HasDatabaseName("ux_attendance_member");
        });

        modelBuilder.Entity<RecordAuditRow>(e =>
        {
            e.ToTable("record_audit");
            e.Property(a => a.Id).HasColumnName("id");
            e.Property(a => a.RecordId).HasColumnName("record_id");
            e.Property(a => a.BranchId).HasColumnName("branch_id").HasMaxLength(64);
            e.Property(a => a.Action).HasColumnName("action").HasMaxLength(16);
            e.Property(a => a.Actor).HasColumnName("actor").HasMaxLength(64);
            e.Property(a => a.At).HasColumnName("at");
            e.Property(a => a.Before).HasColumnName("before");
            e.Property(a => a.After).HasColumnName("after");
            e.HasIndex(a => new { a.BranchId, a.RecordId }).HasDatabaseName("ix_audit_record");
        });

        modelBuilder.Entity<DuesProfileRow>(e =>
        {
            e.ToTable("dues_profiles");
            e.Property(p => p.Id).HasColumnName("id");
            e.Property(p => p.BranchId).HasColumnName("branch_id").HasMaxLength(64);
            e.Property(p => p.MemberId).HasColumnName("member_id").HasMaxLength(64);
            e.Property(p => p.Category).HasColumnName("category").HasMaxLength(16);
            e.Property(p => p.MonthlyIncome).HasColumnName("monthly_income").HasPrecision(12, 2);
            e.Property(p => p.Rate).HasColumnName("rate").HasPrecision(6, 4);
            e.Property(p => p.MonthlyAmount).HasColumnName("monthly_amount").HasPrecision(12, 2);
            e.Property(p => p.Reason).HasColumnName("reason").HasMaxLength(200);
            e.Property(p => p.EffectiveFrom).HasColumnName("effective_from").HasMaxLength(7);
            e.Property(p => p.SetBy).HasColumnName("set_by").HasMaxLength(64);
            e.Property(p => p.SetAt).HasColumnName("set_at");
            e.HasIndex(p => new { p.BranchId, p.MemberId }).HasDatabaseName("ix_dues_profiles_member");
        });

        modelBuilder.Entity<DuesPaymentRow>(e =>
        {
            e.ToTable("dues_payments");
            e.Property(p => p.Id).HasColumnName("id");
            e.Property(p => p.BranchId).HasColumnName("branch_id").HasMaxLength(64);
            e.Property(p => p.MemberId).HasColumnName("member_id").HasMaxLength(64);
            e.Property(p => p.Month).HasColumnName("month").HasMaxLength(7);
            e.Property(p => p.Amount).HasColumnName("amount").HasPrecision(12, 2);
            e.Property(p => p.PaidOn).HasColumnName("paid_on");
            e.Property(p => p.BatchId).HasColumnName("batch_id").HasMaxLength(32);
            e.Property(p => p.RecordedBy).HasColumnName("recorded_by").HasMaxLength(64);
            e.Property(p => p.RecordedAt).HasColumnName("recorded_at");
            e.Property(p => p.SourceActivityId).HasColumnName("source_activity_id").HasMaxLength(256);
            e.HasIndex(p => new { p.BranchId, p.MemberId, p.Month }).IsUnique().HasDatabaseName("ux_dues_payments_month");
            e.HasIndex(p => new { p.BranchId, p.Month }).HasDatabaseName("ix_dues_payments_branch_month");
        });

        modelBuilder.Entity<StudyEntryRow>(e =>
        {
            e.ToTable("study_entries");
            e.Property(s => s.Id).HasColumnName("id");
            e.Property(s => s.BranchId).HasColumnName("branch_id").HasMaxLength(64);
            e.Property(s => s.MemberId).HasColumnName("member_id").HasMaxLength(64);
            e.Property(s => s.Date).HasColumnName("date");
            e.Property(s => s.Hours).HasColumnName("hours").HasPrecision(8, 2);
            e.Property(s => s.Topic).HasColumnName("topic").HasMaxLength(200);
            e.Property(s => s.RecordedBy).HasColumnName("recorded_by").HasMaxLength(64);
            e.Property(s => s.RecordedAt).HasColumnName("recorded_at");
            e.Property(s => s.SourceActivityId).HasColumnName("source_activity_id").HasMaxLength(256);
            e.HasIndex(s => new { s.BranchId, s.Date }).HasDatabaseName("ix_study_branch_date");
        });

        modelBuilder.Entity<NoticeRow>(e =>
        {
            e.ToTable("notices");
            e.Property(n => n.Id).HasColumnName("id");
            e.Property(n => n.NoticeKey).HasColumnName("notice_key").HasMaxLength(80);
            e.Property(n => n.BranchId).HasColumnName("branch_id").HasMaxLength(64);
            e.Property(n => n.SenderId).HasColumnName("sender_id").HasMaxLength(64);
            e.Property(n => n.SenderName).HasColumnName("sender_name").HasMaxLength(64);
            e.Property(n => n.Text).HasColumnName("text").HasMaxLength(4000);
            e.Property(n => n.SentAt).HasColumnName("sent_at");
            e.Property(n => n.Recipients).HasColumnName("recipients");
            e.Property(n => n.Delivered).HasColumnName("delivered");
            e.Property(n => n.Unbound).HasColumnName("unbound");
            e.Property(n => n.Failed).HasColumnName("failed");
            e.Property(n => n.FinishedAt).HasColumnName("finished_at");
            e.HasMany(n => n.RecipientRows).WithOne().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(n => n.NoticeKey).IsUnique().HasDatabaseName("ux_notices_key");
            e.HasIndex(n => n.BranchId).HasDatabaseName("ix_notices_branch");
        });

        modelBuilder.Entity<NoticeRecipientRow>(e =>
        {
            e.ToTable("notice_recipients");
            e.Property(r => r.Id).HasColumnName("id");
            e.Property(r => r.NoticeId).HasColumnName("notice_id");
            e.Property(r => r.MemberId).HasColumnName("member_id").HasMaxLength(64);
            e.Property(r => r.Name).HasColumnName("name").HasMaxLength(64);
            e.Property(r => r.Delivery).HasColumnName("delivery").HasMaxLength(16);
            e.HasIndex(r => new { r.NoticeId, r.MemberId }).IsUnique().HasDatabaseName("ux_notice_recipients_member");
            e.HasIndex(r => r.MemberId).HasDatabaseName("ix_notice_recipients_member");
        });

        modelBuilder.Entity<NoticeAcknowledgementRow>(e =>
        {
            e.ToTable("notice_acknowledgements");
            e.Property(a => a.Id).HasColumnName("id");
            e.Property(a => a.NoticeId).HasColumnName("notice_id");
            e.Property(a => a.MemberId).HasColumnName("member_id").HasMaxLength(64);
            e.Property(a => a.AcknowledgedAt).HasColumnName("acknowledged_at");
            e.Property(a => a.SourceActivityId).HasColumnName("source_activity_id").HasMaxLength(256);
            e.HasOne<NoticeRow>().WithMany().HasForeignKey(a => a.NoticeId).OnDelete(DeleteBehavior.Cascade);
            // Once per notice and member: INSERT … ON CONFLICT DO NOTHING on this key.
            e.HasIndex(a => new { a.NoticeId, a.MemberId }).IsUnique().HasDatabaseName("ux_notice_acknowledgements_member");
        });
    }
}
