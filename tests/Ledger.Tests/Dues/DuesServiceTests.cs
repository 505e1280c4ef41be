using System.Globalization;
using PartyAffairs.Ledger.Dues;
using PartyAffairs.Ledger.Tests.Infrastructure;
using PartyAffairs.Scheduler.Completion;

namespace PartyAffairs.Ledger.Tests.Dues;

/// <summary>Dues assessments with their history, payments by month and their 党费 completions; on both stores.</summary>
public abstract class DuesServiceTests(ILedgerStore store)
{
    private const string B = LedgerHarness.Branch;

    [Fact]
    public async Task SetProfile_Employed8000_120YuanAtOnePointFivePercent()
    {
        var h = await LedgerHarness.CreateAsync(store);

        var outcome = await h.Dues.SetProfileAsync(B, "m1", new DuesProfileInput { Category = "在职", MonthlyIncome = 8000 }, "sec", default);

        Assert.Equal(DuesStatus.Saved, outcome.Status);
        Assert.Equal("120.00", outcome.Assessment!.MonthlyAmount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0.015", outcome.Assessment.Rate!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(120.00m, outcome.Account!.Current!.MonthlyAmount);
        Assert.Equal("0.015", outcome.Account.Current.Rate!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("2026-12", outcome.Account.Current.EffectiveFrom);
    }

    [Fact]
    public async Task SetProfile_BadInput_RefusedWithTheReason()
    {
        var h = await LedgerHarness.CreateAsync(store);

        var unknown = await h.Dues.SetProfileAsync(B, "m1", new DuesProfileInput { Category = "个体户", MonthlyIncome = 8000 }, "sec", default);
        var negative = await h.Dues.SetProfileAsync(B, "m1", new DuesProfileInput { Category = "在职", MonthlyIncome = -1 }, "sec", default);
        var missing = await h.Dues.SetProfileAsync(B, "m1", new DuesProfileInput { Category = "离退休" }, "sec", default);
        var exempt = await h.Dues.SetProfileAsync(B, "m1", new DuesProfileInput { Category = "免交" }, "sec", default);
        var reduced = await h.Dues.SetProfileAsync(B, "m1", new DuesProfileInput { Category = "在职", MonthlyIncome = 8000, MonthlyAmount = 50 }, "sec", default);

        Assert.Contains("在职", Assert.Single(unknown.Errors), StringComparison.Ordinal);
        Assert.Contains("离退休", unknown.Errors[0], StringComparison.Ordinal);
        Assert.Equal(DuesStatus.Invalid, negative.Status);
        Assert.Equal(DuesStatus.Invalid, missing.Status);
        Assert.Equal(DuesStatus.Invalid, exempt.Status);
        Assert.Equal(DuesStatus.Invalid, reduced.Status);
        Assert.Null((await h.Dues.GetAsync(B, "m1", 2026, default))!.Current);
        Assert.Equal(DuesStatus.MemberNotFound, (await h.Dues.SetProfileAsync(B, "nobody", new DuesProfileInput { Category = "学生" }, "sec", default)).Status);
        Assert.Equal(DuesStatus.BranchNotFound, (await h.Dues.SetProfileAsync("nope", "m1", new DuesProfileInput { Category = "学生" }, "sec", default)).Status);
    }

    [Fact]
    public async Task SetProfile_ReducedWithApproval_KeepsTheTablesAmountAndTheReason()
    {
        var h = await LedgerHarness.CreateAsync(store);

        var outcome = await h.Dues.SetProfileAsync(B, "m1", new DuesProfileInput { Category = "在职", MonthlyIncome = 8000, MonthlyAmount = 20, Reason = "支委会研究同意（家庭困难）" }, "sec", default);

        Assert.Equal(20m, outcome.Assessment!.MonthlyAmount);
        Assert.Equal(120m, outcome.Assessment.StandardAmount);
        Assert.Equal("支委会研究同意（家庭困难）", outcome.Account!.Current!.Reason);
    }

    [Fact]
    public async Task Raise_NewBaseFromItsMonth_HistoryKeptAndPaymentsUseTheAmountInForce()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.Dues.SetProfileAsync(B, "m1", new DuesProfileInput { Category = "在职", MonthlyIncome = 8000, EffectiveFrom = "2026-01" }, "sec", default);
        await h.Dues.SetProfileAsync(B, "m1", new DuesProfileInput { Category = "在职", MonthlyIncome = 12000, EffectiveFrom = "2026-10" }, "sec", default);

        var outcome = await h.Dues.RecordPaymentAsync(B, "m1", new PaymentInput { Months = ["2026-09", "2026-10"] }, "m1", "act-1", default);

        Assert.Equal([("2026-09", 120.00m), ("2026-10", 240.00m)], outcome.Payments.Select(p => (p.Month, p.Amount)));
        var account = outcome.Account!;
        Assert.Equal(2, account.History.Count);
        Assert.Equal(240m, account.Current!.MonthlyAmount);
        Assert.Equal(120m, account.History[1].MonthlyAmount);
    }

    [Fact]
    public async Task Payment_ThreeMonths_FromTheEarliestUnpaidWithADuesCompletionEach()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.Dues.SetProfileAsync(B, "m1", new DuesProfileInput { Category = "在职", MonthlyIncome = 8000, EffectiveFrom = "2026-01" }, "sec", default);
        await h.Dues.RecordPaymentAsync(B, "m1", new PaymentInput { MonthCount = 8 }, "m1", null, default);

        var outcome = await h.Dues.RecordPaymentAsync(B, "m1", new PaymentInput { MonthCount = 3, PaidOn = "2026-12-03" }, "m1", "act-3", default);

        Assert.Equal(DuesStatus.Saved, outcome.Status);
        Assert.Equal(["2026-09", "2026-10", "2026-11"], outcome.Payments.Select(p => p.Month));
        Assert.All(outcome.Payments, p => Assert.Equal((120m, new DateOnly(2026, 12, 3)), (p.Amount, p.PaidOn)));
        foreach (var month in new[] { "2026-09", "2026-10", "2026-11" })
        {
            Assert.Equal("act-3", (await h.Ledger.GetAsync(B, "m1", "党费", month, default))!.SourceActivityId);
        }

        Assert.Null(await h.Ledger.GetAsync(B, "m1", "党费", "2026-12", default));
        Assert.Equal(11, outcome.Account!.Payments.Count);
    }

    [Fact]
    public async Task Payment_MonthsAlreadyPaid_LeftAsTheyWereAndReported()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.Dues.SetProfileAsync(B, "m1", new DuesProfileInput { Category = "学生" }, "sec", default);
        await h.Dues.RecordPaymentAsync(B, "m1", new PaymentInput { Months = ["2026-11"], Amount = 1 }, "m1", null, default);

        var partly = await h.Dues.RecordPaymentAsync(B, "m1", new PaymentInput { Months = ["2026-11", "2026-12"] }, "m1", null, default);
        var again = await h.Dues.RecordPaymentAsync(B, "m1", new PaymentInput { Months = ["2026-12"] }, "m1", null, default);

        Assert.Equal(["2026-12"], partly.Payments.Select(p => p.Month));
        Assert.Equal(0.20m, partly.Payments[0].Amount);
        Assert.Contains("2026-11", Assert.Single(partly.Errors), StringComparison.Ordinal);
        Assert.Equal(DuesStatus.NothingToDo, again.Status);
        Assert.Equal(1m, partly.Account!.Payments.Single(p => p.Month == "2026-11").Amount);
    }

    [Fact]
    public async Task Payment_ParallelRetries_EachMonthOnce()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.Dues.SetProfileAsync(B, "m1", new DuesProfileInput { Category = "在职", MonthlyIncome = 3000 }, "sec", default);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => h.Dues.RecordPaymentAsync(B, "m1", new PaymentInput { Months = ["2026-12"] }, "m1", "act", default)));

        Assert.Single(outcomes, o => o.Status == DuesStatus.Saved);
        Assert.Single((await h.Dues.GetAsync(B, "m1", 2026, default))!.Payments);
    }

    [Fact]
    public async Task Payment_NoAssessmentAndNoAmount_NothingRecorded()
    {
        var h = await LedgerHarness.CreateAsync(store);

        var outcome = await h.Dues.RecordPaymentAsync(B, "m1", new PaymentInput(), "m1", null, default);
        var withAmount = await h.Dues.RecordPaymentAsync(B, "m1", new PaymentInput { Amount = 30 }, "m1", null, default);

        Assert.Equal(DuesStatus.NoProfile, outcome.Status);
        Assert.Equal(DuesStatus.Saved, withAmount.Status);
        Assert.Equal("2026-01", withAmount.Payments.Single().Month);
    }

    [Fact]
    public async Task Undo_RemovesTheBatchAndItsCompletionsButNotAChatConfirmation()
    {
        var h = await LedgerHarness.CreateAsync(store);
        await h.Dues.SetProfileAsync(B, "m1", new DuesProfileInput { Category = "在职", MonthlyIncome = 8000 }, "sec", default);
        await h.Ledger.RecordAsync(new CompletionRecord { BranchId = B, MemberId = "m1", DutyKind = "党费", PeriodKey = "2026-10", RecordedAt = LedgerHarness.Now, SourceActivityId = "chat" }, default);
        var paid = await h.Dues.RecordPaymentAsync(B, "m1", new PaymentInput { Months = ["2026-10", "2026-11", "2026-12"] }, "m1", null, default);

        var undone = await h.Dues.UndoPaymentAsync(B, "m1", null, default);

        Assert.Equal(["2026-10", "2026-11", "2026-12"], undone.Payments.Select(p => p.Month));
        Assert.Equal(paid.Payments[0].BatchId, undone.Payments[0].BatchId);
        Assert.Empty(undone.Account!.Payments);
        Assert.Null(await h.Ledger.GetAsync(B, "m1", "党费", "2026-11", default));
        Assert.Equal("chat", (await h.Ledger.GetAsync(B, "m1", "党费", "2026-10", default))!.SourceActivityId);
        Assert.Equal(DuesStatus.NothingToDo, (await h.Dues.UndoPaymentAsync(B, "m1", null, default)).Status);
    }
}

/// <summary>Dues on SQLite.</summary>
public sealed class DuesServiceOnSqliteTests(SqliteStore store) : DuesServiceTests(store), IClassFixture<SqliteStore>;

/// <summary>Dues on PostgreSQL.</summary>
public sealed class DuesServiceOnPostgresTests(PostgresStore store) : DuesServiceTests(store), IClassFixture<PostgresStore>;
