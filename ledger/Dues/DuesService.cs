using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Completion;
using PartyAffairs.Ledger.Storage;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Ledger.Dues;

/// <summary>
/// Members' dues: the assessment (category, income base, the table's rate and amount, or an amount the branch approved),
/// kept with its history; payments by month, each also the member's 党费 completion for that month, and undone together.
/// The income base is personal: it is set by a secretary (admin API, roster, a secretary's private chat), never asked in
/// a group.
/// </summary>
public sealed class DuesService(LedgerDatabase database, BranchScopes scopes, DuesCalculator calculator, TimeProvider time)
{
    private const decimal MaxIncome = 10_000_000m;
    private const decimal MaxAmount = 100_000m;

    /// <summary>Sets a member's assessment from this month (or <see cref="DuesProfileInput.EffectiveFrom"/>) on; earlier versions stay in the history.</summary>
    public async Task<DuesOutcome> SetProfileAsync(string branchId, string memberId, DuesProfileInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        if (await scopes.GetAsync(branchId, cancellationToken) is not { } scope)
        {
            return DuesOutcome.Of(DuesStatus.BranchNotFound);
        }

        if (scope.Member(memberId) is not { } member)
        {
            return DuesOutcome.Of(DuesStatus.MemberNotFound);
        }

        var errors = new List<string>(Validate(input));
        var category = DuesCategories.Parse(input.Category);
        var needsIncome = category is DuesCategory.Employed or DuesCategory.Retired;
        var reason = input.Reason?.Trim() is { Length: > 0 } r ? r[..Math.Min(r.Length, 200)] : null;

        var month = MonthOf(scope.Today);
        if (input.EffectiveFrom is { Length: > 0 } from && !TryParseMonth(from, out month))
        {
            errors.Add(LedgerTexts.MonthInvalid);
        }

        if (errors.Count > 0 || category is not { } chosen)
        {
            return DuesOutcome.Of(DuesStatus.Invalid, [.. errors]);
        }

        var assessment = calculator.Assess(chosen, needsIncome ? input.MonthlyIncome : null);
        decimal? standard = null;
        var monthly = assessment.MonthlyAmount;
        if (input.MonthlyAmount is { } given && given != assessment.MonthlyAmount && chosen != DuesCategory.Exempt)
        {
            if (chosen == DuesCategory.Farmer && given is >= DuesOptions.FarmerMinimum and <= DuesOptions.FarmerMaximum)
            {
                monthly = given;
            }
            else if (chosen == DuesCategory.Farmer && reason is null)
            {
                return DuesOutcome.Of(DuesStatus.Invalid, LedgerTexts.FarmerAmountOutOfRange(DuesOptions.FarmerMinimum, DuesOptions.FarmerMaximum));
            }
            else if (reason is null)
            {
                return DuesOutcome.Of(DuesStatus.Invalid, LedgerTexts.ApprovalReasonMissing);
            }
            else
            {
                (standard, monthly) = (assessment.MonthlyAmount, DuesCalculator.ToFen(given));
            }
        }

        var row = new DuesProfileRow
        {
            BranchId = branchId,
            MemberId = memberId,
            Category = DuesCategories.Name(chosen),
            MonthlyIncome = assessment.MonthlyIncome,
            Rate = assessment.Rate,
            MonthlyAmount = monthly,
            Reason = standard is null && chosen != DuesCategory.Exempt ? null : reason,
            EffectiveFrom = month,
            SetBy = actor,
            SetAt = time.GetUtcNow().ToUniversalTime(),
        };
        await database.WriteAsync(async (db, ct) =>
        {
            db.DuesProfiles.Add(row);
            return await db.SaveChangesAsync(ct);
        }, cancellationToken);

        var profile = View(row) with { StandardAmount = standard, Rate = assessment.Rate, MonthlyIncome = assessment.MonthlyIncome };
        var account = await AccountAsync(branchId, member.Id, member.Name, scope.Today.Year, cancellationToken);
        return new DuesOutcome(DuesStatus.Saved, account, profile, [], []);
    }

    /// <summary>
    /// The problems of an assessment's category, income, amount and approval (every one, in the admin API's words), without
    /// a store: the roster import checks its dues columns with it before anything is saved.
    /// </summary>
    public static IReadOnlyList<string> Validate(DuesProfileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<string>();
        var category = DuesCategories.Parse(input.Category);
        if (category is null)
        {
            errors.Add(string.IsNullOrWhiteSpace(input.Category) ? LedgerTexts.DuesCategoryMissing : LedgerTexts.DuesCategoryUnknown(input.Category.Trim()));
        }

        var needsIncome = category is DuesCategory.Employed or DuesCategory.Retired;
        if (needsIncome && input.MonthlyIncome is null)
        {
            errors.Add(LedgerTexts.IncomeMissing);
        }
        else if (input.MonthlyIncome is { } income && !IsAmount(income, MaxIncome))
        {
            errors.Add(LedgerTexts.IncomeInvalid);
        }

        var reason = input.Reason?.Trim() is { Length: > 0 } r ? r[..Math.Min(r.Length, 200)] : null;
        if (input.MonthlyAmount is { } amount && !IsAmount(amount, MaxAmount))
        {
            errors.Add(LedgerTexts.OverrideInvalid);
        }

        if (category == DuesCategory.Exempt && reason is null)
        {
            errors.Add(LedgerTexts.ApprovalReasonMissing);
        }
        return errors;
    }

    /// <summary>A member's dues with the payments of <paramref name="year"/>; null when the branch or member does not exist.</summary>
    public async Task<DuesAccount?> GetAsync(string branchId, string memberId, int year, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(branchId, cancellationToken);
        return scope?.Member(memberId) is { } member ? await AccountAsync(branchId, member.Id, member.Name, year, cancellationToken) : null;
    }

    /// <summary>
    /// Records a payment for one or several months (“交了三个月党费”: three months from the earliest unpaid one) and the
    /// member's 党费 completion for each; months already paid are left as they were and reported.
    /// </summary>
    public async Task<DuesOutcome> RecordPaymentAsync(string branchId, string memberId, PaymentInput input, string actor, string? activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        if (await scopes.GetAsync(branchId, cancellationToken) is not { } scope)
        {
            return DuesOutcome.Of(DuesStatus.BranchNotFound);
        }

        if (scope.Member(memberId) is not { } member)
        {
            return DuesOutcome.Of(DuesStatus.MemberNotFound);
        }

        var errors = new List<string>();
        var paidOn = scope.Today;
        if (input.PaidOn is { Length: > 0 } paid)
        {
            if (!DateOnly.TryParseExact(paid.Trim(), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out paidOn))
            {
                errors.Add(LedgerTexts.DateInvalid(paid.Trim()));
            }
            else if (paidOn > scope.Today)
            {
                errors.Add(LedgerTexts.DateInFuture(paidOn, scope.Today));
            }
        }

        if (input.Amount is { } amount && !IsAmount(amount, MaxAmount))
        {
            errors.Add(LedgerTexts.PaymentAmountInvalid);
        }

        var explicitMonths = new List<string>();
        foreach (var text in input.Months ?? [])
        {
            if (!TryParseMonth(text, out var month))
            {
                errors.Add(LedgerTexts.MonthInvalid);
                break;
            }

            if (!explicitMonths.Contains(month))
            {
                explicitMonths.Add(month);
            }
        }

        if (explicitMonths.Count == 0 && input.MonthCount is < 1 or > 24)
        {
            errors.Add(LedgerTexts.MonthsInvalid);
        }

        if (errors.Count > 0)
        {
            return DuesOutcome.Of(DuesStatus.Invalid, [.. errors]);
        }

        var now = time.GetUtcNow().ToUniversalTime();
        var batch = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var dues = scope.Duties.Find(PartyAffairs.Knowledge.Duties.DutyKinds.MembershipDues);
        var result = await database.WriteAsync(async (db, ct) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var paidMonths = (await db.DuesPayments.Where(p => p.BranchId == branchId && p.MemberId == memberId).Select(p => p.Month).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            var months = explicitMonths.Count > 0 ? explicitMonths : NextUnpaid(paidMonths, input.MonthCount ?? 1, member.Since, scope.Today);
            var profiles = await db.DuesProfiles.Where(p => p.BranchId == branchId && p.MemberId == memberId).ToListAsync(ct);
            var written = new List<DuesPayment>();
            var skipped = new List<string>();
            foreach (var month in months)
            {
                if (paidMonths.Contains(month))
                {
                    skipped.Add(month);
                    continue;
                }

                if ((input.Amount ?? ProfileFor(profiles, month)?.MonthlyAmount) is not { } due)
                {
                    return (DuesStatus.NoProfile, written, skipped);
                }

                due = DuesCalculator.ToFen(due);
                var inserted = await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO dues_payments (branch_id, member_id, month, amount, paid_on, batch_id, recorded_by, recorded_at, source_activity_id)
                    VALUES ({branchId}, {memberId}, {month}, {due}, {paidOn}, {batch}, {actor}, {now}, {activityId})
                    ON CONFLICT (branch_id, member_id, month) DO NOTHING
                    """, ct);
                if (inserted == 0)
                {
                    skipped.Add(month);
                    continue;
                }

                written.Add(new DuesPayment(month, due, paidOn, batch));
                if (DuesPeriod(dues, month) is { } period)
                {
                    await SqlCompletionLedger.InsertAsync(db, new CompletionRecord
                    {
                        BranchId = branchId, MemberId = memberId, DutyKind = dues!.Kind, PeriodKey = period, RecordedAt = now, SourceActivityId = activityId,
                    }, Origins.Payment(batch), ct);
                }
            }

            await transaction.CommitAsync(ct);
            return (written.Count > 0 ? DuesStatus.Saved : DuesStatus.NothingToDo, written, skipped);
        }, cancellationToken);

        var (status, payments, already) = result;
        if (status == DuesStatus.NoProfile)
        {
            return DuesOutcome.Of(DuesStatus.NoProfile, LedgerTexts.NoDuesProfile);
        }

        var account = await AccountAsync(branchId, member.Id, member.Name, scope.Today.Year, cancellationToken);
        return new DuesOutcome(status, account, null, payments, already.Count > 0 ? [LedgerTexts.MonthsAlreadyPaid(already)] : []);
    }

    /// <summary>Undoes a payment: every month of <paramref name="batchId"/>, or of the member's latest payment when null, and their 党费 completions.</summary>
    public async Task<DuesOutcome> UndoPaymentAsync(string branchId, string memberId, string? batchId, CancellationToken cancellationToken)
    {
        if (await scopes.GetAsync(branchId, cancellationToken) is not { } scope)
        {
            return DuesOutcome.Of(DuesStatus.BranchNotFound);
        }

        if (scope.Member(memberId) is not { } member)
        {
            return DuesOutcome.Of(DuesStatus.MemberNotFound);
        }

        var removed = await database.WriteAsync(async (db, ct) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var batch = batchId ?? (await db.DuesPayments.Where(p => p.BranchId == branchId && p.MemberId == memberId)
                .OrderByDescending(p => p.Id).Select(p => p.BatchId).FirstOrDefaultAsync(ct));
            if (batch is null)
            {
                return [];
            }

            var rows = await db.DuesPayments.Where(p => p.BranchId == branchId && p.MemberId == memberId && p.BatchId == batch).ToListAsync(ct);
            db.DuesPayments.RemoveRange(rows);
            await db.SaveChangesAsync(ct);
            var origin = Origins.Payment(batch);
            await db.Completions.Where(c => c.BranchId == branchId && c.SubjectId == memberId && c.Origin == origin).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return rows.OrderBy(r => r.Month, StringComparer.Ordinal).Select(r => new DuesPayment(r.Month, r.Amount, r.PaidOn, r.BatchId)).ToArray();
        }, cancellationToken);

        var account = await AccountAsync(branchId, member.Id, member.Name, scope.Today.Year, cancellationToken);
        return new DuesOutcome(removed.Length > 0 ? DuesStatus.Saved : DuesStatus.NothingToDo, account, null, removed, []);
    }

    /// <summary>Every member's current assessment and the payments for months of <paramref name="year"/> (the workbook).</summary>
    internal Task<(IReadOnlyDictionary<string, DuesProfile> Profiles, IReadOnlyList<(string MemberId, DuesPayment Payment)> Payments)> BranchYearAsync(string branchId, int year, CancellationToken cancellationToken)
    {
        var prefix = year.ToString(CultureInfo.InvariantCulture) + "-";
        return database.ReadAsync<(IReadOnlyDictionary<string, DuesProfile>, IReadOnlyList<(string, DuesPayment)>)>(async (db, ct) =>
        {
            var profiles = await db.DuesProfiles.Where(p => p.BranchId == branchId).ToListAsync(ct);
            var payments = await db.DuesPayments.Where(p => p.BranchId == branchId && p.Month.StartsWith(prefix)).ToListAsync(ct);
            var current = profiles.GroupBy(p => p.MemberId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => View(ProfileFor(g.ToList(), prefix + "12")!), StringComparer.Ordinal);
            return (current, payments.Select(p => (p.MemberId, new DuesPayment(p.Month, p.Amount, p.PaidOn, p.BatchId))).ToArray());
        }, cancellationToken);
    }

    private Task<DuesAccount> AccountAsync(string branchId, string memberId, string name, int year, CancellationToken cancellationToken)
    {
        var prefix = year.ToString(CultureInfo.InvariantCulture) + "-";
        return database.ReadAsync(async (db, ct) =>
        {
            var profiles = await db.DuesProfiles.Where(p => p.BranchId == branchId && p.MemberId == memberId).ToListAsync(ct);
            var payments = await db.DuesPayments.Where(p => p.BranchId == branchId && p.MemberId == memberId && p.Month.StartsWith(prefix)).ToListAsync(ct);
            var history = profiles.OrderByDescending(p => p.EffectiveFrom, StringComparer.Ordinal).ThenByDescending(p => p.Id).Select(View).ToArray();
            return new DuesAccount
            {
                MemberId = memberId,
                Name = name,
                Current = history.FirstOrDefault(),
                History = history,
                Payments = payments.OrderBy(p => p.Month, StringComparer.Ordinal).Select(p => new DuesPayment(p.Month, p.Amount, p.PaidOn, p.BatchId)).ToArray(),
            };
        }, cancellationToken);
    }

    /// <summary>The assessment in force in <paramref name="month"/>: the latest effective by then, else the earliest (arrears before the first assessment).</summary>
    private static DuesProfileRow? ProfileFor(List<DuesProfileRow> profiles, string month) =>
        profiles.Where(p => string.CompareOrdinal(p.EffectiveFrom, month) <= 0).OrderByDescending(p => p.EffectiveFrom, StringComparer.Ordinal).ThenByDescending(p => p.Id).FirstOrDefault()
        ?? profiles.OrderBy(p => p.EffectiveFrom, StringComparer.Ordinal).ThenByDescending(p => p.Id).FirstOrDefault();

    /// <summary><paramref name="count"/> months from the earliest unpaid one this year (from the member's joining), continuing past this month when all are paid.</summary>
    private static List<string> NextUnpaid(HashSet<string> paid, int count, DateOnly? since, DateOnly today)
    {
        var start = new DateOnly(today.Year, 1, 1);
        if (since is { } joined && joined > start)
        {
            start = new DateOnly(joined.Year, joined.Month, 1);
        }

        var months = new List<string>();
        for (var month = start; months.Count < count && month.Year <= today.Year + 2; month = month.AddMonths(1))
        {
            var key = MonthOf(month);
            if (!paid.Contains(key))
            {
                months.Add(key);
            }
        }

        return months;
    }

    private static string? DuesPeriod(TrackedDuty? dues, string month) =>
        dues is not null && DutyPeriod.TryGetUnit(dues.Period, out var unit) && TryParseMonth(month, out _)
            ? DutyPeriod.Containing(unit, DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)).Key
            : null;

    private static DuesProfile View(DuesProfileRow row) => new()
    {
        Category = row.Category,
        MonthlyIncome = row.MonthlyIncome is { } income ? Numbers.Normalize(income) : null,
        Rate = row.Rate is { } rate ? Numbers.Normalize(rate) : null,
        MonthlyAmount = decimal.Round(row.MonthlyAmount, 2) + 0.00m,
        Reason = row.Reason,
        EffectiveFrom = row.EffectiveFrom,
        SetBy = row.SetBy,
        SetAt = row.SetAt,
    };

    private static bool IsAmount(decimal value, decimal max) => value >= 0 && value <= max && decimal.Round(value, 2) == value;

    private static string MonthOf(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static bool TryParseMonth(string? text, out string month)
    {
        month = string.Empty;
        if (text is null || !DateOnly.TryParseExact(text.Trim() + "-01", ["yyyy-MM-dd", "yyyy-M-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return false;
        }

        month = MonthOf(first);
        return true;
    }
}
