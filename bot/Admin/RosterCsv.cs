using System.Globalization;
using System.Text;
using PartyAffairs.Bot.State;
using PartyAffairs.Ledger.Dues;

namespace PartyAffairs.Bot.Admin;

/// <summary>
/// Reads a roster CSV: columns 姓名, 角色, 手机号 (optional), with or without a header row and a UTF-8 BOM,
/// RFC 4180 quoting, comma or Chinese comma separators; with a header row also the optional dues columns 类别 (人员类别)
/// and 月收入 (工资基数), checked as the dues endpoint checks them, and the optional person columns
/// (<see cref="MemberProfileFields"/>: 预备期开始日期, 延长, 入党介绍人, 党小组, 班子成员, 外出). Every bad row is reported
/// with its line number. The rows of an .xlsx roster (<see cref="RosterXlsx"/>) go through the same checks.
/// </summary>
public static class RosterCsv
{
    /// <summary>Largest roster file accepted, in bytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const int MaxNameLength = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 (BOM optional); false when the bytes are not UTF-8.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>The header names of the dues category column.</summary>
    public static IReadOnlyList<string> CategoryHeaders { get; } = ["类别", "人员类别", "党员类别", "党费类别"];

    /// <summary>The header names of the monthly income column.</summary>
    public static IReadOnlyList<string> IncomeHeaders { get; } = ["月收入", "工资基数", "月收入基数", "收入基数", "党费基数"];

    /// <summary>Parses and validates the roster text.</summary>
    public static RosterParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(Records(text.TrimStart('\uFEFF')));
    }

    /// <summary>Parses and validates roster records (cells of each row with its 1-based line or row number).</summary>
    internal static RosterParseResult Parse(IEnumerable<(int Line, IReadOnlyList<string> Cells, string? Error)> records)
    {
        var rows = new List<NewMember>();
        var errors = new List<RosterRowError>();
        var dues = new List<RosterDues>();
        var seen = new Dictionary<(string, string?), int>();
        (int Name, int Role, int Mobile) columns = (0, 1, 2);
        (int Category, int Income) duesColumns = (-1, -1);
        var profileColumns = new Dictionary<string, int>(StringComparer.Ordinal);
        var headerSeen = false;
        var firstRecord = true;

        foreach (var (line, cells, error) in records)
        {
            if (error is not null)
            {
                errors.Add(new RosterRowError(line, error));
                continue;
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (firstRecord)
            {
                firstRecord = false;
                if (cells.Any(c => c.Trim() == "姓名"))
                {
                    headerSeen = true;
                    var names = cells.Select(c => c.Trim()).ToList();
                    columns = (names.IndexOf("姓名"), names.IndexOf("角色"), names.FindIndex(n => n is "手机号" or "手机" or "手机号码"));
                    duesColumns = (names.FindIndex(CategoryHeaders.Contains), names.FindIndex(IncomeHeaders.Contains));
                    foreach (var header in MemberProfileFields.Headers)
                    {
                        var index = names.FindIndex(n => n == header || (header == MemberProfileFields.Extended && n.StartsWith(header, StringComparison.Ordinal)));
                        if (index >= 0)
                        {
                            profileColumns[header] = index;
                        }
                    }

                    if (columns.Name < 0 || columns.Role < 0)
                    {
                        errors.Add(new RosterRowError(line, AdminMessages.HeaderMissingColumns));
                    }

                    continue;
                }
            }

            var reasons = new List<string>();
            if (!headerSeen && cells.Count > 3)
            {
                reasons.Add(AdminMessages.TooManyColumns);
            }

            var name = Cell(cells, columns.Name);
            var role = Cell(cells, columns.Role);
            var mobile = Cell(cells, columns.Mobile);
            if (name.Length == 0)
            {
                reasons.Add(AdminMessages.NameMissing);
            }
            else if (name.Length > MaxNameLength)
            {
                reasons.Add(AdminMessages.NameTooLong);
            }
            else if (name.Any(c => char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF'))
            {
                reasons.Add(AdminMessages.NameHasControl);
            }
            else if (name[0] is '=' or '+' or '-' or '@')
            {
                // A spreadsheet would take the name for a formula once exported; no one's name starts like that.
                reasons.Add(AdminMessages.NameLooksLikeFormula);
            }

            if (role.Length == 0)
            {
                reasons.Add(AdminMessages.RoleMissing);
            }
            else if (!MemberRoles.IsValid(role))
            {
                reasons.Add(AdminMessages.RoleInvalid(role));
            }

            // The same normalisation binding by mobile number uses, so a platform's "+86 138…" matches the roster's "138…".
            string? normalizedMobile = null;
            if (mobile.Length > 0 && !MobileNumbers.TryNormalize(mobile, out normalizedMobile))
            {
                normalizedMobile = null;
                reasons.Add(AdminMessages.MobileInvalid(mobile));
            }

            var duesInput = DuesCells(Cell(cells, duesColumns.Category), Cell(cells, duesColumns.Income), reasons);
            MemberProfile? profile = null;
            if (profileColumns.Count > 0)
            {
                var (read, problems) = MemberProfileFields.Read(profileColumns.ToDictionary(c => c.Key, c => (string?)Cell(cells, c.Value), StringComparer.Ordinal));
                reasons.AddRange(problems);
                profile = read;
            }

            var key = (name, normalizedMobile);
            if (reasons.Count == 0 && seen.TryGetValue(key, out var firstRow))
            {
                reasons.Add(AdminMessages.Duplicate(firstRow));
            }

            if (reasons.Count > 0)
            {
                errors.Add(new RosterRowError(line, string.Join("；", reasons)));
                continue;
            }

            seen[key] = line;
            if (duesInput is not null)
            {
                dues.Add(new RosterDues(rows.Count, duesInput));
            }

            rows.Add(new NewMember(name, role, key.Item2, profile));
        }

        return new RosterParseResult(rows, errors, dues);
    }

    /// <summary>The assessment a row's dues cells ask for (null when both are empty); its problems go to <paramref name="reasons"/>.</summary>
    private static DuesProfileInput? DuesCells(string category, string income, List<string> reasons)
    {
        if (category.Length == 0 && income.Length == 0)
        {
            return null;
        }

        decimal? amount = null;
        var cleaned = income.Replace(",", string.Empty, StringComparison.Ordinal).Replace("元", string.Empty, StringComparison.Ordinal).Trim();
        if (cleaned.Length > 0)
        {
            if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            {
                reasons.Add(AdminMessages.IncomeNotANumber(income));
                return null;
            }

            amount = parsed;
        }

        var input = new DuesProfileInput { Category = category.Length > 0 ? category : null, MonthlyIncome = amount };
        var problems = DuesService.Validate(input);
        reasons.AddRange(problems);
        return problems.Count == 0 ? input : null;
    }

    private static string Cell(IReadOnlyList<string> cells, int index) =>
        index >= 0 && index < cells.Count ? cells[index].Trim() : string.Empty;

    /// <summary>Splits CSV text into records, each with the line it starts on.</summary>
    private static IEnumerable<(int Line, IReadOnlyList<string> Cells, string? Error)> Records(string text)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var start = line;
            var cells = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            var atCellStart = true;
            string? error = null;
            while (true)
            {
                if (i >= text.Length)
                {
                    if (quoted)
                    {
                        error = AdminMessages.UnterminatedQuote;
                    }

                    break;
                }

                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i += 2;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                        i++;
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        cell.Append(c);
                        i++;
                    }

                    continue;
                }

                if (c == '"' && atCellStart)
                {
                    quoted = true;
                    atCellStart = false;
                    i++;
                }
                else if (c is ',' or '，' or '\t')
                {
                    cells.Add(cell.ToString());
                    cell.Clear();
                    atCellStart = true;
                    i++;
                }
                else if (c is '\r' or '\n')
                {
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    break;
                }
                else
                {
                    cell.Append(c);
                    atCellStart = false;
                    i++;
                }
            }

            cells.Add(cell.ToString());
            yield return (start, cells, error);
        }
    }
}
