using PartyAffairs.Ledger.Dues;
using PartyAffairs.Ledger.Records;
using PartyAffairs.Ledger.Study;

namespace PartyAffairs.Bot.Ledger;

/// <summary>A record as the admin API shows it: <c>attendees</c> and <c>absent</c> in the shape they were given, plus every member's attendance with ids.</summary>
public sealed record RecordView(
    long Id, string Kind, DateOnly Date, string? Topic, string? Speaker, IReadOnlyList<string> Attendees, IReadOnlyList<AbsenceView> Absent,
    IReadOnlyList<AttendanceView> Attendance, decimal? Hours, string? Notes, string CreatedBy, DateTimeOffset CreatedAt, string? UpdatedBy, DateTimeOffset? UpdatedAt)
{
    internal static RecordView Of(MeetingRecord r) => new(
        r.Id, r.Kind, r.Date, r.Topic, r.Speaker,
        r.Present.Select(a => a.Name).ToArray(),
        r.Absent.Select(a => new AbsenceView(a.MemberId, a.Name, a.Reason)).ToArray(),
        r.Attendance.Select(a => new AttendanceView(
            a.MemberId, a.Name,
            a.Present ? LedgerApiTexts.PresentStatus : a.Reason is null ? LedgerApiTexts.AbsentStatus : LedgerApiTexts.LeaveStatus,
            a.Reason, a.ConfirmedAt)).ToArray(),
        r.Hours, r.Notes, r.CreatedBy, r.CreatedAt, r.UpdatedBy, r.UpdatedAt);
}

/// <summary>An absent member, with the reason if given.</summary>
public sealed record AbsenceView(string MemberId, string Name, string? Reason);

/// <summary>One member's attendance: 出席, 请假 (absent with a reason) or 缺席; when they confirmed it themselves.</summary>
public sealed record AttendanceView(string MemberId, string Name, string Status, string? Reason, DateTimeOffset? ConfirmedAt);

/// <summary>A member's dues as the admin API shows them: the assessment in force (flattened), its history and the year's payments.</summary>
public sealed record DuesView(
    string MemberId, string Name, string? Category, decimal? MonthlyIncome, decimal? Rate, decimal? MonthlyAmount, decimal? StandardAmount,
    string? Reason, string? EffectiveFrom, IReadOnlyList<DuesProfile> History, IReadOnlyList<DuesPayment> Payments)
{
    internal static DuesView Of(DuesAccount account, DuesProfile? current = null)
    {
        var profile = current ?? account.Current;
        return new(account.MemberId, account.Name, profile?.Category, profile?.MonthlyIncome, profile?.Rate, profile?.MonthlyAmount,
            profile?.StandardAmount, profile?.Reason, profile?.EffectiveFrom, account.History, account.Payments);
    }
}

/// <summary>A member's study hours in a year against the quota.</summary>
public sealed record StudyView(string MemberId, string Name, string Role, int Year, decimal Hours, decimal Quota, decimal Remaining, string Basis, IReadOnlyList<StudySource> Sources)
{
    internal static StudyView Of(StudySummary s) => new(s.MemberId, s.Name, s.Role, s.Year, s.Hours, s.Quota.Hours, s.Remaining, s.Quota.Citation, s.Sources);
}
