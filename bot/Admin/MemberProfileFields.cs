using System.Globalization;
using System.Text.RegularExpressions;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Admin;

/// <summary>
/// The optional roster columns that scope reminders to a person, read from text as the CSV, the admin API and the chat
/// give them: 预备期开始日期, 延长 (its end date), 入党介绍人 (one or two names), 党小组, 班子成员 (是/否), 外出 (from–to). One
/// reader for every entry point, so they accept and refuse the same values.
/// </summary>
public static partial class MemberProfileFields
{
    /// <summary>The CSV header names, in the order the README lists them.</summary>
    public static IReadOnlyList<string> Headers { get; } = [ProbationStart, Extended, Introducers, PartyGroup, TeamMember, Away];

    /// <summary>预备期开始日期.</summary>
    public const string ProbationStart = "预备期开始日期";

    /// <summary>延长 (the end of an extended probation).</summary>
    public const string Extended = "延长";

    /// <summary>入党介绍人.</summary>
    public const string Introducers = "入党介绍人";

    /// <summary>党小组.</summary>
    public const string PartyGroup = "党小组";

    /// <summary>班子成员.</summary>
    public const string TeamMember = "班子成员";

    /// <summary>外出.</summary>
    public const string Away = "外出";

    private const int MaxGroupLength = 32;

    /// <summary>
    /// Reads the fields present in <paramref name="values"/> (header → text; empty text clears a field) over
    /// <paramref name="current"/>; the errors name each bad field. Nothing is returned unless every field reads.
    /// </summary>
    public static (MemberProfile? Profile, IReadOnlyList<string> Errors) Read(IReadOnlyDictionary<string, string?> values, MemberProfile? current = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var profile = current ?? new MemberProfile();
        var errors = new List<string>();
        foreach (var (field, raw) in values)
        {
            var text = raw?.Trim() ?? string.Empty;
            switch (field)
            {
                case ProbationStart:
                    profile = profile with { ProbationStart = Date(text, field, errors) };
                    break;
                case Extended:
                    profile = profile with { ProbationExtendedUntil = Date(ExtendedPrefix().Replace(text, string.Empty), field, errors) };
                    break;
                case Introducers:
                    var names = text.Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (names.Length > 2 || names.Any(n => n.Length > 32))
                    {
                        errors.Add(MemberProfileTexts.IntroducersInvalid(text));
                    }
                    else
                    {
                        profile = profile with { Introducers = names };
                    }

                    break;
                case PartyGroup:
                    if (text.Length > MaxGroupLength)
                    {
                        errors.Add(MemberProfileTexts.GroupTooLong);
                    }
                    else
                    {
                        profile = profile with { PartyGroup = text.Length == 0 ? null : text };
                    }

                    break;
                case TeamMember:
                    if (Yes(text) is { } yes)
                    {
                        profile = profile with { TeamMember = yes };
                    }
                    else
                    {
                        errors.Add(MemberProfileTexts.YesNoInvalid(field, text));
                    }

                    break;
                case Away:
                    if (text.Length == 0)
                    {
                        profile = profile with { AwayFrom = null, AwayUntil = null };
                    }
                    else if (AwayRange().Match(text) is { Success: true } match
                             && DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
                    {
                        DateOnly? until = null;
                        if (match.Groups[2].Success)
                        {
                            if (!DateOnly.TryParseExact(match.Groups[2].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) || end < from)
                            {
                                errors.Add(MemberProfileTexts.AwayInvalid(text));
                                break;
                            }

                            until = end;
                        }

                        profile = profile with { AwayFrom = from, AwayUntil = until };
                    }
                    else
                    {
                        errors.Add(MemberProfileTexts.AwayInvalid(text));
                    }

                    break;
            }
        }

        if (profile.ProbationStart is { } start && profile.ProbationExtendedUntil is { } extended && extended <= start.AddYears(1).AddDays(-1))
        {
            errors.Add(MemberProfileTexts.ExtensionBeforeProbationEnds);
        }

        return errors.Count > 0 ? (null, errors) : (profile, errors);
    }

    private static readonly char[] NameSeparators = ['、', ',', '，', ';', '；', '/', ' '];

    private static DateOnly? Date(string text, string field, List<string> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(MemberProfileTexts.DateInvalid(field, text));
        return null;
    }

    private static bool? Yes(string text) => text switch
    {
        "" or "否" or "不是" or "no" or "No" or "NO" or "N" or "n" or "0" or "false" => false,
        "是" or "yes" or "Yes" or "YES" or "Y" or "y" or "1" or "true" => true,
        _ => null,
    };

    [GeneratedRegex(@"^(?:至|到)\s*")]
    private static partial Regex ExtendedPrefix();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})\s*(?:~|～|至|到|—|–)\s*(\d{4}-\d{2}-\d{2})?$")]
    private static partial Regex AwayRange();
}
