using System.Text;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Admin;

/// <summary>
/// Reads a roster CSV: columns 姓名, 角色, 手机号 (optional), and with a header row the optional person columns
/// (<see cref="MemberProfileFields"/>: 预备期开始日期, 延长, 入党介绍人, 党小组, 班子成员, 外出), with or without a header row and a UTF-8 BOM,
/// RFC 4180 quoting, comma or Chinese comma separators. Every bad row is reported with its line number.
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

    /// <summary>Parses and validates the roster text.</summary>
    public static RosterParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<NewMember>();
        var errors = new List<RosterRowError>();
        var seen = new Dictionary<(string, string?), int>();
        (int Name, int Role, int Mobile) columns = (0, 1, 2);
        var profileColumns = new Dictionary<string, int>(StringComparer.Ordinal);
        var headerSeen = false;
        var firstRecord = true;

        foreach (var (line, cells, error) in Records(text.TrimStart('\uFEFF')))
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
            else if (name.Any(char.IsControl))
            {
                reasons.Add(AdminMessages.NameHasControl);
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
            rows.Add(new NewMember(name, role, key.Item2, profile));
        }

        return new RosterParseResult(rows, errors);
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
