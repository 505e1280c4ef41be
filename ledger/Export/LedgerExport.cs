using System.Globalization;
using System.Text;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Completion;
using PartyAffairs.Ledger.Dues;
using PartyAffairs.Ledger.Notices;
using PartyAffairs.Ledger.Records;
using PartyAffairs.Ledger.Study;

namespace PartyAffairs.Ledger.Export;

/// <summary>
/// A branch's 台账 for a year as an Excel workbook, for the year-end inspection: 三会一课 (every record with attendance,
/// absentees and reasons, hours), 党费 (member × month: amount and paid date), 学时 (hours against the quota, with the
/// sources), 完成情况 (member × duty × period) and 通知 (each notice: delivery, acknowledged k/n and who has not).
/// Members appear in roster order, never ranked.
/// </summary>
public sealed class LedgerExport(BranchScopes scopes, RecordService records, DuesService dues, StudyService study, CompletionHistory completions, NoticeService notices)
{
    /// <summary>The sheet names, in order.</summary>
    public static IReadOnlyList<string> SheetNames { get; } = ["三会一课", "党费", "学时", "完成情况", "通知"];

    /// <summary>The workbook's bytes; null when there is no such branch.</summary>
    public async Task<LedgerWorkbook?> BuildAsync(string branchId, int year, CancellationToken cancellationToken)
    {
        if (await scopes.GetAsync(branchId, cancellationToken) is not { } scope)
        {
            return null;
        }

        var duesTask = dues.BranchYearAsync(branchId, year, cancellationToken);
        var statusTask = completions.YearAsync(scope, year, cancellationToken);
        var noticesTask = notices.ListAsync(branchId, year, scope.Zone, cancellationToken);
        var list = await records.ListStoredAsync(branchId, year, cancellationToken);
        var summaries = await study.SummariesAsync(scope, year, list, cancellationToken);

        var sheets = new[]
        {
            RecordsSheet(list),
            DuesSheet(scope, await duesTask, year),
            StudySheet(summaries),
            CompletionSheet(await statusTask),
            NoticeSheet(await noticesTask, scope.Zone),
        };
        using var buffer = new MemoryStream();
        WorkbookWriter.Write(buffer, sheets);
        return new LedgerWorkbook(scope.Branch.Name, year, buffer.ToArray());
    }

    private static WorkbookSheet RecordsSheet(IReadOnlyList<MeetingRecord> list) => new(
        SheetNames[0],
        ["类型", "日期", "主题", "主讲人", "出席人数", "出席人员", "缺席人员及原因", "学时", "备注"],
        list.Select(r => new object?[]
        {
            r.Kind,
            Iso(r.Date),
            r.Topic,
            r.Speaker,
            r.Present.Count(),
            string.Join("、", r.Present.Select(a => a.Name)),
            string.Join("、", r.Absent.Select(a => a.Reason is null ? a.Name : $"{a.Name}（{a.Reason}）")),
            r.Hours,
            r.Notes,
        }).ToArray());

    private static WorkbookSheet DuesSheet(BranchScope scope, (IReadOnlyDictionary<string, DuesProfile> Profiles, IReadOnlyList<(string MemberId, DuesPayment Payment)> Payments) data, int year)
    {
        var headers = new List<string> { "姓名", "类别", "月收入基数", "比例", "月交纳额" };
        for (var month = 1; month <= 12; month++)
        {
            headers.Add($"{month}月金额");
            headers.Add($"{month}月交纳日期");
        }

        headers.Add("全年合计");
        var paid = data.Payments.ToLookup(p => p.MemberId, p => p.Payment, StringComparer.Ordinal);
        var rows = scope.Members.Select(member =>
        {
            data.Profiles.TryGetValue(member.Id, out var profile);
            var months = paid[member.Id].ToDictionary(p => p.Month, StringComparer.Ordinal);
            var row = new List<object?>
            {
                member.Name,
                profile?.Category,
                profile?.MonthlyIncome,
                profile?.Rate is { } rate ? rate.ToString("0.0##%", CultureInfo.InvariantCulture) : null,
                profile is null ? null : new Money(profile.MonthlyAmount),
            };
            for (var month = 1; month <= 12; month++)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{year}-{month:00}");
                months.TryGetValue(key, out var payment);
                row.Add(payment is null ? null : new Money(payment.Amount));
                row.Add(payment is null ? null : Iso(payment.PaidOn));
            }

            row.Add(new Money(months.Values.Sum(p => p.Amount)));
            return row.ToArray();
        }).ToArray();
        return new WorkbookSheet(SheetNames[1], headers, rows);
    }

    private static WorkbookSheet StudySheet(IReadOnlyList<StudySummary> summaries) => new(
        SheetNames[2],
        ["姓名", "角色", "已完成学时", "应完成学时", "尚差学时", "依据", "学习来源"],
        summaries.Select(s => new object?[]
        {
            s.Name,
            s.Role,
            s.Hours,
            s.Quota.Hours,
            s.Remaining,
            s.Quota.Citation,
            Sources(s.Sources),
        }).ToArray());

    private static WorkbookSheet CompletionSheet(IReadOnlyList<DutyPeriodStatus> statuses) => new(
        SheetNames[3],
        ["姓名", "角色", "事项", "周期", "状态", "次数"],
        statuses.Select(s => new object?[]
        {
            s.Name,
            s.Role.Length == 0 ? null : s.Role,
            s.DutyTitle,
            s.PeriodKey,
            s.StateText,
            s.Required > 1 ? $"{s.Count}/{s.Required}" : null,
        }).ToArray());

    private static WorkbookSheet NoticeSheet(IReadOnlyList<NoticeSummary> list, TimeZoneInfo zone) => new(
        SheetNames[4],
        ["日期", "发送人", "内容", "应收人数", "送达", "未绑定", "失败", "已确认", "未确认人员"],
        list.OrderBy(n => n.Id).Select(n => new object?[]
        {
            Iso(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(n.SentAt, zone).DateTime)),
            n.SenderName,
            n.Text,
            n.Recipients,
            n.Delivered,
            n.Unbound,
            n.Failed,
            $"{n.AcknowledgedBy.Count}/{n.Expected.Count}",
            string.Join("、", n.NotAcknowledged.Select(a => a.Name)),
        }).ToArray());

    private static string Sources(IReadOnlyList<StudySource> sources)
    {
        var text = new StringBuilder();
        foreach (var source in sources)
        {
            if (text.Length > 0)
            {
                text.Append('；');
            }

            text.Append(CultureInfo.InvariantCulture, $"{Iso(source.Date)} {source.Kind}");
            if (source.Topic is { Length: > 0 } topic)
            {
                text.Append(source.Kind == StudySource.SelfStudy ? "：" : " ").Append(topic);
            }

            text.Append(CultureInfo.InvariantCulture, $" {source.Hours:0.##}学时");
        }

        return text.ToString();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
