using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using PartyAffairs.Ledger.Dues;
using PartyAffairs.Ledger.Export;
using PartyAffairs.Ledger.Records;
using PartyAffairs.Ledger.Study;
using PartyAffairs.Ledger.Tests.Infrastructure;

namespace PartyAffairs.Ledger.Tests.Export;

/// <summary>The year's workbook, opened and read back; on both stores.</summary>
public abstract class LedgerExportTests(ILedgerStore store)
{
    private const string B = LedgerHarness.Branch;
    private static readonly string[] RecordColumns = ["A", "B", "C", "D", "E", "F", "G", "H", "I"];
    private static readonly string[] StudyColumns = ["C", "D", "E"];

    private static async Task<WorkbookReader> ExportAsync(LedgerHarness h, int year = 2026) =>
        WorkbookReader.Open((await h.Export.BuildAsync(B, year, default))!.Content);

    [Fact]
    public async Task Build_SheetsNamedAndOrdered_ChineseHeadersFrozenFirstRowAndFittedWidths()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.RecordAsync("党员大会", "2026-12-03", ["王明", "张三"], [new("李四", "出差")], hours: 2, topic: "学习党章第三章：党的组织制度，全体党员参加并交流发言");

        var workbook = await ExportAsync(h);

        Assert.Equal(["三会一课", "党费", "学时", "完成情况", "通知"], workbook.Sheets.Select(s => s.Name));
        Assert.Equal(["类型", "日期", "主题", "主讲人", "出席人数", "出席人员", "缺席人员及原因", "学时", "备注"], workbook["三会一课"].Headers);
        Assert.Equal(["姓名", "类别", "月收入基数", "比例", "月交纳额", "1月金额", "1月交纳日期"], workbook["党费"].Headers.Take(7));
        Assert.Equal("全年合计", workbook["党费"].Headers[^1]);
        Assert.Equal(["姓名", "角色", "已完成学时", "应完成学时", "尚差学时", "依据", "学习来源"], workbook["学时"].Headers);
        Assert.Equal(["姓名", "角色", "事项", "周期", "状态", "次数"], workbook["完成情况"].Headers);
        foreach (var sheet in workbook.Sheets)
        {
            Assert.Equal(PaneStateValues.Frozen, sheet.Pane!.State!.Value);
            Assert.Equal("A2", sheet.Pane.TopLeftCell!.Value);
            Assert.Equal(1D, sheet.Pane.VerticalSplit!.Value);
            Assert.Equal(sheet.Headers.Count, sheet.Widths.Count);
        }

        var records = workbook["三会一课"];
        Assert.True(records.Widths[2] > records.Widths[1], "the topic column is wider than the date column");
        Assert.True(records.Widths[2] <= 60);
    }

    [Fact]
    public async Task Build_RecordRow_KindDateTopicSpeakerAttendanceAbsenteesAndHours()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.Records.CreateAsync(B, new RecordInput
        {
            Kind = "党课", Date = "2026-11-20", Topic = "学习党章", Speaker = "王明", Attendees = ["王明", "张三"], Absent = [new("李四", "出差"), new("赵敏", null)], Hours = 1.5m, Notes = "现场",
        }, "sec", default);

        var row = (await ExportAsync(h))["三会一课"].Row("党课");

        Assert.Equal(["党课", "2026-11-20", "学习党章", "王明", "2", "王明、张三", "李四（出差）、赵敏", "1.5", "现场"],
            RecordColumns.Select(c => row[c].Text));
        Assert.False(row["E"].IsText);
        Assert.False(row["H"].IsText);
    }

    [Fact]
    public async Task Build_DuesRow_AmountAndPaidDateUnderTheMonthPaid()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.Dues.SetProfileAsync(B, "m1", new DuesProfileInput { Category = "在职", MonthlyIncome = 8000 }, "sec", default);
        await h.Dues.RecordPaymentAsync(B, "m1", new PaymentInput { Months = ["2026-11"], PaidOn = "2026-12-03" }, "m1", null, default);

        var sheet = (await ExportAsync(h))["党费"];
        var row = sheet.Row("张三");

        Assert.Equal("在职", row[sheet.Column("类别")].Text);
        Assert.Equal("8000", row[sheet.Column("月收入基数")].Text);
        Assert.Equal("1.5%", row[sheet.Column("比例")].Text);
        Assert.Equal(120m, decimal.Parse(row[sheet.Column("月交纳额")].Text, CultureInfo.InvariantCulture));
        Assert.Equal(120m, decimal.Parse(row[sheet.Column("11月金额")].Text, CultureInfo.InvariantCulture));
        Assert.Equal("2026-12-03", row[sheet.Column("11月交纳日期")].Text);
        Assert.False(row.ContainsKey(sheet.Column("12月金额")));
        Assert.Equal(120m, decimal.Parse(row[sheet.Column("全年合计")].Text, CultureInfo.InvariantCulture));
        Assert.False(sheet.Row("李四").ContainsKey(sheet.Column("月交纳额")));
    }

    [Fact]
    public async Task Build_StudyAndCompletionRows()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.RecordAsync("党小组会", "2026-12-03", ["张三"], [new("李四", "出差")], hours: 2);
        await h.Study.AddAsync(B, "m1", new StudyEntryInput { Hours = 3, Topic = "党的二十大报告", Date = "2026-12-01" }, "m1", null, default);

        var workbook = await ExportAsync(h);
        var study = workbook["学时"].Row("张三");
        var completions = workbook["完成情况"];

        Assert.Equal(["5", "32", "27"], StudyColumns.Select(c => study[c].Text));
        Assert.Contains("2026-12-01 自学：党的二十大报告 3学时", study["G"].Text, StringComparison.Ordinal);
        Assert.Contains("2026-12-03 党小组会 学习党章 2学时", study["G"].Text, StringComparison.Ordinal);
        string State(string name, string duty, string period) =>
            completions.Rows.Skip(1).Single(r => r["A"].Text == name && r["C"].Text == duty && r["D"].Text == period)["E"].Text;
        Assert.Equal("已完成", State("张三", "参加党小组会", "2026-12"));
        Assert.Equal("请假", State("李四", "参加党小组会", "2026-12"));
        Assert.Equal("未完成", State("赵敏", "参加党小组会", "2026-12"));
        Assert.Equal("未完成", State("张三", "参加党小组会", "2026-11"));
        Assert.Contains(completions.Rows.Skip(1), r => r["A"].Text == "支部" && r["C"].Text == "召开党员大会" && r["D"].Text == "2026-Q4" && r["E"].Text == "未完成");
    }

    [Fact]
    public async Task Build_TextThatLooksLikeAFormula_WrittenAsTextWithALeadingApostrophe()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.Records.CreateAsync(B, new RecordInput { Kind = "党课", Date = "2026-12-01", Topic = "+1+cmd|' /C calc'!A0", Speaker = "@SUM(1)", Notes = "-2", Attendees = ["张三", "=HYPERLINK(\"x\")"] }, "sec", default);

        var workbook = await ExportAsync(h);
        var row = workbook["三会一课"].Row("党课");

        Assert.Equal("'+1+cmd|' /C calc'!A0", row["C"].Text);
        Assert.Equal("'@SUM(1)", row["D"].Text);
        Assert.Equal("'-2", row["I"].Text);
        Assert.Equal("张三、=HYPERLINK(\"x\")", row["F"].Text); // not at the start of the cell: harmless
        var member = workbook["学时"].Rows.Skip(1).Single(r => r["A"].Text.Contains("HYPERLINK", StringComparison.Ordinal))["A"];
        Assert.Equal("'=HYPERLINK(\"x\")", member.Text);
        Assert.True(member.IsText);
        Assert.All(workbook.Sheets.SelectMany(s => s.Rows).SelectMany(r => r.Values), c => Assert.False(c.IsFormula));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86", "'+86")]
    [InlineData("-", "'-")]
    [InlineData("@x", "'@x")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("王明", "王明")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Safe_FormulaStarters_Escaped(string text, string expected)
    {
        Assert.Equal(expected, WorkbookWriter.Safe(text));
    }

    [Fact]
    public async Task Build_UnknownBranch_Null()
    {
        var h = await LedgerHarness.CreateAsync(store);

        Assert.Null(await h.Export.BuildAsync("nope", 2026, default));
    }

    [Fact]
    public async Task Build_NoticeSheet_DateSenderTextDeliveryAcknowledgedAndWhoHasNot()
    {
        var h = await LedgerHarness.CreateAsync(store);
        var id = await h.Notices.RecordAsync(new PartyAffairs.Ledger.Notices.NoticeDraft
        {
            Key = "n1", BranchId = B, SenderId = "sec", SenderName = "王明", Text = "周五开会", SentAt = h.Time.GetUtcNow(),
            Addressees = [new("m1", "张三", PartyAffairs.Ledger.Notices.NoticeDelivery.Pending), new("m2", "李四", PartyAffairs.Ledger.Notices.NoticeDelivery.Pending), new("m3", "赵敏", PartyAffairs.Ledger.Notices.NoticeDelivery.Unbound)],
        }, default);
        await h.Notices.FinishAsync(B, "n1", new Dictionary<string, PartyAffairs.Ledger.Notices.NoticeDelivery> { ["m1"] = PartyAffairs.Ledger.Notices.NoticeDelivery.Delivered, ["m2"] = PartyAffairs.Ledger.Notices.NoticeDelivery.Delivered }, default);
        await h.Notices.AcknowledgeAsync(B, id, "m1", null, default);

        var sheet = (await ExportAsync(h))["通知"];

        Assert.Equal(["日期", "发送人", "内容", "应收人数", "送达", "未绑定", "失败", "已确认", "未确认人员"], sheet.Headers);
        var row = sheet.Row("2026-12-04");
        Assert.Equal(["王明", "周五开会", "3", "2", "1", "0", "1/2", "李四"], new[] { "B", "C", "D", "E", "F", "G", "H", "I" }.Select(c => row[c].Text));
    }
}

/// <summary>The workbook from SQLite.</summary>
public sealed class LedgerExportOnSqliteTests(SqliteStore store) : LedgerExportTests(store), IClassFixture<SqliteStore>;

/// <summary>The workbook from PostgreSQL.</summary>
public sealed class LedgerExportOnPostgresTests(PostgresStore store) : LedgerExportTests(store), IClassFixture<PostgresStore>;
