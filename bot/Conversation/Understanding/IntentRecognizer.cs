using System.Text.RegularExpressions;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Bot.State;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Knowledge.Retrieval;

namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>
/// Reads one chat message as an intent with typed entities. Pure and fast: no I/O, no clock (today comes in the
/// <see cref="IntentContext"/>), thread-safe, one instance for the app. The words it matches are data
/// (<see cref="IntentLexicon"/>); the order of the checks below is the grammar: exact command syntax first, then
/// small talk and fixed phrases, then the member's own statements (completion, leave) and questions.
/// </summary>
public sealed partial class IntentRecognizer
{
    /// <summary>Confidence of exact command syntax (a button's value, 设置…, 通知 …).</summary>
    public const double Exact = 1.0;

    /// <summary>Confidence of a clear phrase (a listed phrase, a completion with its duty and verb).</summary>
    public const double Clear = 0.9;

    /// <summary>Confidence of a reading inferred without its usual cue.</summary>
    public const double Inferred = 0.65;

    /// <summary>Confidence of the question fallback and of a clarification.</summary>
    public const double Unsure = 0.5;

    private static readonly char[] ClauseSeparators = [',', '，', '。', '!', '！', '?', '？', ';', '；', '~', '～', '、', ' '];

    private static readonly System.Buffers.SearchValues<char> ClauseStops = System.Buffers.SearchValues.Create(ClauseSeparators);

    private static readonly char[] ArgumentSeparators = [' ', '\u3000', ':', '：', ',', '，'];

    private static readonly Lazy<IntentRecognizer> Shipped = new(() => new IntentRecognizer(IntentLexicon.Default));

    private readonly IntentLexicon lexicon;
    private readonly LexiconFile words;
    private readonly MeetingRecordReader records;

    /// <summary>A recognizer over <paramref name="lexicon"/>.</summary>
    public IntentRecognizer(IntentLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        this.lexicon = lexicon;
        words = lexicon.File;
        records = new MeetingRecordReader(lexicon);
    }

    /// <summary>The recognizer over the shipped lexicon.</summary>
    public static IntentRecognizer Default => Shipped.Value;

    /// <summary>The lexicon in use.</summary>
    public IntentLexicon Lexicon => lexicon;

    /// <summary>Understands <paramref name="text"/> in <paramref name="context"/>; never throws for any text.</summary>
    public IntentResult Recognize(string? text, IntentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var u = Utterance.From(text, lexicon);
        if (u.Core.Length == 0)
        {
            return u.Text.Length > 0 && u.Text.All(c => c == Utterance.CompletionMark)
                ? Result(IntentKind.Thanks, Clear)
                : Result(IntentKind.Help, u.Text.Length == 0 ? Exact : Clear);
        }

        return Button(u)
            ?? Command(u, context)
            ?? Binding(u, context)
            ?? Reply(u, context)
            ?? SmallTalk(u, context)
            ?? Phrase(u, context)
            ?? Statement(u, context);
    }

    /// <summary>The canonical duty kinds named in <paramref name="text"/> (normalised), longest name first at each place, in order.</summary>
    public IReadOnlyList<string> FindDuties(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<string>? kinds = null;
        for (var i = 0; i < text.Length;)
        {
            var matched = 0;
            if (!lexicon.DutyNamesByFirst.TryGetValue(text[i], out var names))
            {
                i++;
                continue;
            }

            foreach (var (name, kind) in names)
            {
                if (string.CompareOrdinal(text, i, name, 0, name.Length) == 0)
                {
                    kinds ??= [];
                    if (!kinds.Contains(kind))
                    {
                        kinds.Add(kind);
                    }

                    matched = name.Length;
                    break;
                }
            }

            i += Math.Max(matched, 1);
        }

        return kinds is null ? [] : kinds;
    }

    // ---- 1. The reminder buttons' own values: 已完成 主题党日 2026-11, 请假 组织生活会、民主评议党员 2026.

    private IntentResult? Button(Utterance u)
    {
        if (ReminderResponses.Parse(UnicodeText.ToFormKC(u.Raw)) is not { } response)
        {
            return null;
        }

        var keys = ChineseDateResolver.Find(response.PeriodKey.ToLowerInvariant(), DateOnly.MinValue, DateDirection.Past);
        var period = keys.Count > 0 ? keys[0].Period : null;
        var duties = response.Kinds.Select(k => FindDuties(k) is { Count: > 0 } found ? found[0] : k).Distinct().ToArray();
        return Result(response.Leave ? IntentKind.Leave : IntentKind.Complete, Exact, new IntentEntities { Duties = duties, Period = period, FromButton = true });
    }

    // ---- 2. Commands with a fixed opening word (secretary commands are recognised for everyone).

    private IntentResult? Command(Utterance u, IntentContext context)
    {
        var c = words.Commands;
        var t = u.Text;
        if (NoticeCommand(u) is { } noticeCommand)
        {
            return noticeCommand;
        }

        if (StartsWithAny(t, c.DuesProfile) is { } dues && StartsWithAny(t[dues.Length..], c.DuesProfileNotBefore) is null)
        {
            return DuesProfile(t[dues.Length..]);
        }

        if (StartsWithAny(t, c.Settings) is not null)
        {
            return IsQuestion(u) ? Result(IntentKind.Help, Inferred) : Result(IntentKind.Settings, Exact) with { Argument = u.Raw };
        }

        if (StartsWithAny(t, c.Record) is { } record)
        {
            var draft = records.Read(t[record.Length..], context.Today, FindDuties);
            return Result(IntentKind.Record, Exact, new IntentEntities
            {
                Record = draft,
                Duties = draft.Kind is { } kind ? [kind] : [],
                Date = draft.Date,
                Hours = draft.Hours,
                Topic = draft.Topic,
            });
        }

        if (StartsWithAny(u.Raw, c.Notice) is { } notice && NoticeBody(u, notice) is { } body)
        {
            return Result(IntentKind.Notice, Exact) with { Argument = body };
        }

        if (ContainsAny(u.Core, c.ShowPlan) && !IsQuestion(u))
        {
            var rest = Remove(u.Core, c.ShowPlan);
            if (rest.Length == 0 || StartsWithAny(rest, c.ShowPlanVerbs) == rest)
            {
                return Result(IntentKind.ShowPlan, Exact);
            }
        }

        if (StartsWithAny(u.Core, c.Nudge) is { } nudge)
        {
            return Result(IntentKind.Nudge, Exact, DutiesAndPeriod(u.Core[nudge.Length..], context, DateDirection.Past));
        }

        if (ContainsAny(t, c.NudgeCues) && FindDuties(t).Count > 0 && !IsQuestion(u))
        {
            return Result(IntentKind.Nudge, Clear, DutiesAndPeriod(t, context, DateDirection.Past));
        }

        if (StartsWithAny(t, c.Status) is { } status)
        {
            return Result(IntentKind.Status, Exact, DutiesAndPeriod(t[status.Length..], context, DateDirection.Past));
        }

        if (ContainsAny(t, c.StatusCues) && !IsFirstPerson(u.Core))
        {
            return Result(IntentKind.Status, Clear, DutiesAndPeriod(t, context, DateDirection.Past));
        }

        if (ContainsAny(t, c.ExportObject) && (ContainsAny(t, c.Export) || u.Core.Length <= 4))
        {
            var year = ChineseDateResolver.Find(t, context.Today, DateDirection.Past).FirstOrDefault(m => m.Period?.Unit == PeriodUnit.Year)?.Period?.Start.Year;
            return Result(IntentKind.ExportLedger, year is null ? Clear : Exact, new IntentEntities { Year = year });
        }

        if (c.Console.Contains(u.Core) || (StartsWithAny(u.Core, c.ConsoleVerbs) is { } verb && c.Console.Contains(u.Core[verb.Length..].Trim())))
        {
            return Result(IntentKind.Console, Exact);
        }

        return null;
    }

    // Before 通知 …: “通知确认情况” and “通知谁还没确认” would otherwise be read as notices to send.
    private IntentResult? NoticeCommand(Utterance u)
    {
        var c = words.Commands;
        var compact = u.Core.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (compact.StartsWith(c.NoticeAcknowledgeButton, StringComparison.Ordinal)
            && compact[c.NoticeAcknowledgeButton.Length..].TrimStart('#') is { Length: > 0 and <= 12 } digits && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return Result(IntentKind.AcknowledgeNotice, Exact, new IntentEntities { NoticeNumber = number });
        }

        var position = TrailingNumber().Match(compact);
        var named = position.Success ? compact[..position.Index] : compact;
        if (c.NoticeStatus.Contains(named)
            || (named.Length <= 12 && named.Contains("通知", StringComparison.Ordinal) && ContainsAny(named, c.NoticeStatusCues)))
        {
            var n = position.Success && int.TryParse(position.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 99 ? p : 1;
            return Result(IntentKind.NoticeStatus, position.Success || c.NoticeStatus.Contains(named) ? Exact : Clear, new IntentEntities { Position = n });
        }

        return null;
    }

    private static string? NoticeBody(Utterance u, string prefix)
    {
        var rest = u.Raw[prefix.Length..];
        if (rest.Length > 0 && !ArgumentSeparators.Contains(rest[0]) && rest.Length < 4)
        {
            // “通知收到”, “通知呢”: a word starting with 通知, not a command.
            return null;
        }

        return rest.TrimStart(ArgumentSeparators).Trim();
    }

    private IntentResult DuesProfile(string rest)
    {
        rest = rest.Trim().TrimStart(':').Trim();
        var category = lexicon.DuesCategories.FirstOrDefault(c => rest.Contains(c.Word, StringComparison.Ordinal));
        var amount = QuantityReader.Amount(rest);
        var name = NameAtStart().Match(rest) is { Success: true } m ? m.Value : null;
        if (name is not null && category.Word is { } word && name.EndsWith(word, StringComparison.Ordinal))
        {
            name = name[..^word.Length];
        }

        return Result(IntentKind.DuesProfile, Exact, new IntentEntities
        {
            PersonName = name is { Length: > 0 } ? name : null,
            DuesCategory = category.Category,
            MonthlyIncome = amount,
        });
    }

    // ---- 3. Binding and invite codes.

    private IntentResult? Binding(Utterance u, IntentContext context)
    {
        var c = words.Commands;
        if (StartsWithAny(u.Text, c.Bind) is { } bind)
        {
            var argument = u.Text[bind.Length..].Trim(ArgumentSeparators);
            foreach (var word in c.InviteWords)
            {
                argument = argument.Replace(word, string.Empty, StringComparison.Ordinal);
            }

            return Result(IntentKind.Bind, Exact, new IntentEntities { Code = InviteCodes.TryNormalize(argument.Trim(ArgumentSeparators).TrimStart('是'), out var code) ? code : null });
        }

        var token = CodeToken().Matches(u.Text).Select(m => InviteCodes.TryNormalize(m.Value, out var code) ? code : null).FirstOrDefault(c => c is not null);
        if (ContainsAny(u.Text, c.InviteWords))
        {
            if (token is not null)
            {
                return Result(IntentKind.Bind, Clear, new IntentEntities { Code = token });
            }

            var name = InviteName(u.Core);
            var reissue = ContainsAny(u.Text, c.ReissueWords);
            if (IsQuestion(u) && !reissue && name is null)
            {
                // “邀请码是什么”, “邀请码怎么用”: a question about codes, not a look-up.
                return null;
            }

            return Result(IntentKind.InviteCode, Clear, new IntentEntities { PersonName = name, Reissue = reissue });
        }

        var bare = u.Core.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (token is not null && InviteCodes.TryNormalize(bare, out _)
            && (!context.IsBound || (bare.Any(char.IsDigit) && bare.Any(char.IsLetter))))
        {
            return Result(IntentKind.Bind, context.IsBound ? Inferred : Clear, new IntentEntities { Code = token });
        }

        return null;
    }

    private string? InviteName(string core)
    {
        var c = words.Commands;
        var rest = Remove(core, c.InviteWords);
        rest = Remove(rest, c.ReissueWords);
        rest = Remove(rest, c.InviteQuestionWords);
        if (StartsWithAny(rest, c.InviteLookupVerbs) is { } verb)
        {
            rest = rest[verb.Length..];
        }

        rest = rest.Replace("一下", string.Empty, StringComparison.Ordinal).Trim(ArgumentSeparators).TrimEnd('的').Trim();
        return NameOnly().IsMatch(rest) && rest is not ("我" or "我的" or "你" or "他" or "她") ? rest : null;
    }

    // ---- 4. Replies to a pending step, undo.

    private IntentResult? Reply(Utterance u, IntentContext context)
    {
        var c = words.Commands;
        if ((StartsWithAny(u.Core, c.Undo) is not null || ContainsAny(u.Core, c.UndoCues)) && !IsQuestion(u))
        {
            return Result(IntentKind.Undo, Clear);
        }

        var clauses = Clauses(u.Core);
        if (c.Cancel.Contains(u.Core) || (context.HasPendingStep && clauses.Any(c.Cancel.Contains)))
        {
            return Result(IntentKind.Cancel, context.HasPendingStep ? Clear : Inferred);
        }

        if (c.ConfirmAlways.Contains(u.Core))
        {
            return Result(IntentKind.Confirm, context.HasPendingStep ? Exact : Inferred);
        }

        if (context.HasPendingStep && clauses.Length > 0
            && clauses.All(cl => c.ConfirmAlways.Contains(cl) || c.ConfirmWhenPending.Contains(cl)))
        {
            return Result(IntentKind.Confirm, Clear);
        }

        return null;
    }

    // ---- 5. Small talk: greetings, thanks, acknowledgements, goodbyes (a greeting before a question is dropped).

    private IntentResult? SmallTalk(Utterance u, IntentContext context)
    {
        var clauses = Clauses(u.Core);
        if (clauses.Length == 0)
        {
            return null;
        }

        var kinds = clauses.Select(SmallTalkKind).ToArray();
        if (kinds.All(k => k is not null))
        {
            var kind = kinds.Contains(IntentKind.Bye) ? IntentKind.Bye : kinds.Contains(IntentKind.Thanks) ? IntentKind.Thanks : IntentKind.Greeting;
            var acknowledges = kind == IntentKind.Thanks && clauses.Any(words.Commands.NoticeAcknowledge.Contains);
            return Result(kind, Clear, new IntentEntities { AcknowledgesNotice = acknowledges });
        }

        if (kinds[0] == IntentKind.Greeting)
        {
            var first = u.Text.IndexOf(clauses[0], StringComparison.Ordinal);
            var rest = u.Text[(first + clauses[0].Length)..].TrimStart(ClauseSeparators);
            if (rest.Length > 0)
            {
                return Recognize(rest, context);
            }
        }

        return null;
    }

    private IntentKind? SmallTalkKind(string clause)
    {
        foreach (var addressee in words.Addressees)
        {
            if (clause.Length > addressee.Length && clause.EndsWith(addressee, StringComparison.Ordinal)
                && (lexicon.Thanks.Contains(clause[..^addressee.Length]) || lexicon.Byes.Contains(clause[..^addressee.Length])))
            {
                clause = clause[..^addressee.Length];
                break;
            }
        }

        if (lexicon.Byes.Contains(clause))
        {
            return IntentKind.Bye;
        }

        if (lexicon.Thanks.Contains(clause) || lexicon.Acknowledgements.Contains(clause) || words.Commands.NoticeAcknowledge.Contains(clause))
        {
            return IntentKind.Thanks;
        }

        return lexicon.Greetings.Contains(clause) ? IntentKind.Greeting : null;
    }

    // ---- 6. Fixed phrases: help, my duties, my progress, the branch's schedule.

    private IntentResult? Phrase(Utterance u, IntentContext context)
    {
        var core = u.Core;
        var duties = FindDuties(u.Text);
        if (u.Text == "?" || words.Help.Exact.Contains(core)
            || (ContainsAny(core, words.Help.Cues) && duties.Count == 0 && core.Length <= 14 && !ContainsAny(core, words.LeaveCues)))
        {
            return Result(IntentKind.Help, Clear);
        }

        if (words.MyDuties.Exact.Contains(core)
            || (duties.Count == 0 && (ContainsAny(core, words.MyDuties.Strong)
                || (ContainsAny(core, words.MyDuties.Cues) && ContainsAny(core, words.MyDuties.Owners)))))
        {
            return Result(IntentKind.MyDuties, Clear);
        }

        if (words.Progress.Exact.Contains(core) || (ContainsAny(core, words.Progress.Owners) && ContainsAny(core, words.Progress.Cues)))
        {
            var implied = duties.Count > 0 ? duties : words.Progress.Implied.Where(p => core.Contains(p.Key, StringComparison.Ordinal)).Select(p => p.Value).Take(1).ToArray();
            return Result(IntentKind.MyProgress, Clear, new IntentEntities { Duties = implied });
        }

        if (ContainsAny(u.Text, words.Schedule.Cues) && !ContainsAny(u.Text, words.Schedule.Blockers))
        {
            var scheduled = duties.Where(d => lexicon.Duties[d].Schedule).ToArray();
            if (scheduled.Length > 0 || (duties.Count == 0 && ContainsAny(u.Text, words.Schedule.GenericMeetings)))
            {
                return Result(IntentKind.BranchSchedule, Clear, DutiesAndPeriod(u.Text, context, DateDirection.Future) with { Duties = scheduled });
            }
        }

        return null;
    }

    // ---- 7. The member's own statements: completion, leave, or a question.

    private IntentResult Statement(Utterance u, IntentContext context)
    {
        var t = u.Text;
        var question = Result(IntentKind.Question, Unsure) with { Argument = u.Raw };
        if (IsQuestion(u))
        {
            return question;
        }

        var duties = FindDuties(t).ToList();
        var hours = QuantityReader.Hours(t);
        if (hours is not null && duties.Count > 1)
        {
            // “党小组会 2学时”: the hours belong to the meeting, 学时 is not a second duty.
            duties.Remove("学时");
        }

        var reason = Reason(t);
        if (ContainsAny(t, words.LeaveCues))
        {
            var entities = DatesFor(t, context, DateDirection.Future, duties) with { Duties = duties, Reason = reason };
            return duties.Count > 0
                ? Result(IntentKind.Leave, Clear, entities)
                : Clarify(entities, LeaveCandidates(context));
        }

        if (IsNegated(t))
        {
            return question;
        }

        var studied = ContainsAny(t, words.StudyVerbs);
        if (duties.Count == 0 && (studied || hours is not null) && (studied || t.Contains('学')))
        {
            duties.Add("学时");
        }

        if (HasCompletionCue(u))
        {
            var entities = Completion(t, context, duties, hours?.Hours);
            return duties.Count > 0
                ? Result(IntentKind.Complete, Clear, entities)
                : Clarify(entities, CompletionCandidates(t, context));
        }

        if (hours is not null && studied)
        {
            return Result(IntentKind.Complete, Inferred, Completion(t, context, duties, hours.Value.Hours));
        }

        // A duty and a reason without 请假 (“明天的党小组会我出差”) is leave only when it is about the member and an occasion.
        if (duties.Count > 0 && reason is not null && duties.All(d => lexicon.Duties[d].Leave)
            && IsFirstPerson(u.Core) && ChineseDateResolver.Find(t, context.Today, DateDirection.Future).Count > 0)
        {
            return Result(IntentKind.Leave, Inferred, DatesFor(t, context, DateDirection.Future, duties) with { Duties = duties, Reason = reason });
        }

        return question;
    }

    private IntentEntities Completion(string t, IntentContext context, IReadOnlyList<string> duties, decimal? hours)
    {
        var entities = DatesFor(t, context, DateDirection.Past, duties) with { Duties = duties.ToArray(), Hours = hours };
        if (duties.Contains("学时") || t.Contains("主题", StringComparison.Ordinal) || t.Contains('《'))
        {
            entities = entities with { Topic = QuantityReader.Topic(t) };
        }

        return entities;
    }

    private IntentEntities DatesFor(string t, IntentContext context, DateDirection direction, IReadOnlyList<string> duties)
    {
        IReadOnlyList<DutyPeriod> months = [];
        IReadOnlyList<Range> spans = [];
        int? count = null;
        if (duties.Contains("党费") && direction == DateDirection.Past)
        {
            (months, spans) = QuantityReader.Months(t, context.Today);
            count = months.Count > 0 ? months.Count : QuantityReader.MonthCount(t);
        }

        var mentions = ChineseDateResolver.Find(t, context.Today, direction)
            .Where(m => !spans.Any(s => m.Index >= s.Start.Value && m.Index < s.End.Value))
            .ToArray();
        return new IntentEntities
        {
            Date = mentions.FirstOrDefault(m => m.Date is not null)?.Date,
            Period = mentions.FirstOrDefault(m => m.Period is not null)?.Period,
            Months = months,
            MonthCount = count,
        };
    }

    private IntentEntities DutiesAndPeriod(string t, IntentContext context, DateDirection direction)
    {
        var mentions = ChineseDateResolver.Find(t, context.Today, direction);
        return new IntentEntities
        {
            Duties = FindDuties(t),
            Date = mentions.FirstOrDefault(m => m.Date is not null)?.Date,
            Period = mentions.FirstOrDefault(m => m.Period is not null)?.Period,
        };
    }

    private IntentResult Clarify(IntentEntities entities, IReadOnlyList<IntentCandidate> candidates) =>
        Result(IntentKind.Clarify, Unsure, entities) with { Candidates = candidates };

    private IntentCandidate[] CompletionCandidates(string t, IntentContext context)
    {
        IEnumerable<string>? kinds = null;
        foreach (var verb in lexicon.Verbs)
        {
            if (t.Contains(verb, StringComparison.Ordinal) && words.VerbCandidates.TryGetValue(verb, out var list))
            {
                kinds = list;
                break;
            }
        }

        if (ContainsAny(t, words.MeetingWords) || t.StartsWith('会'))
        {
            var meetings = words.VerbCandidates.GetValueOrDefault("会") ?? [];
            var both = kinds?.Intersect(meetings).ToArray();
            kinds = both is { Length: > 0 } ? both : meetings;
        }

        return (kinds ?? []).Where(k => Offered(k, context.Role)).Select(k => new IntentCandidate(IntentKind.Complete, k)).ToArray();
    }

    private IntentCandidate[] LeaveCandidates(IntentContext context) =>
        words.Duties.Where(d => d.Leave && Offered(d.Kind, context.Role)).Select(d => new IntentCandidate(IntentKind.Leave, d.Kind)).ToArray();

    /// <summary>Branch duties are offered as readings to officers only; role-bound duties (思想汇报) to their roles only.</summary>
    private bool Offered(string kind, string? role)
    {
        var duty = lexicon.Duties[kind];
        if (duty.Roles.Count > 0 && (role is null || !duty.Roles.Contains(role)))
        {
            return false;
        }

        return !duty.Branch || role is null || words.SecretaryRoles.Contains(role);
    }

    // ---- Cues.

    private bool IsQuestion(Utterance u) => u.IsQuestion ??=
        ContainsAny(u.Text, words.QuestionCues) || words.QuestionEnds.Any(e => u.Core.EndsWith(e, StringComparison.Ordinal));

    private bool IsFirstPerson(string core) => ContainsAny(core, words.Progress.Owners);

    /// <summary>A negation right before a verb (没交, 还没参加, 未开, 忘了交): a statement of what was not done.</summary>
    private bool IsNegated(string t)
    {
        foreach (var negation in words.Negations)
        {
            for (var at = t.IndexOf(negation, StringComparison.Ordinal); at >= 0; at = t.IndexOf(negation, at + 1, StringComparison.Ordinal))
            {
                var after = at + negation.Length;
                if (after < t.Length && t[after] is '还' or '再' or '有' or '去')
                {
                    after++;
                }

                if (lexicon.Verbs.Any(v => string.CompareOrdinal(t, after, v, 0, v.Length) == 0))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>已/已经, a verb followed by 了/过/完/好, a word such as 完成/搞定, a completion mark, or a final 了 after a verb.</summary>
    private bool HasCompletionCue(Utterance u)
    {
        var t = u.Text;
        if (t.Contains(Utterance.CompletionMark) || ContainsAny(t, words.Completion.Words) || ContainsAny(t, words.Completion.Prefixes))
        {
            return true;
        }

        var hasVerb = false;
        foreach (var verb in lexicon.Verbs)
        {
            for (var at = t.IndexOf(verb, StringComparison.Ordinal); at >= 0; at = t.IndexOf(verb, at + 1, StringComparison.Ordinal))
            {
                hasVerb = true;
                var after = at + verb.Length;
                if (after < t.Length && words.Completion.Suffixes.Any(s => string.CompareOrdinal(t, after, s, 0, s.Length) == 0))
                {
                    return true;
                }
            }
        }

        return hasVerb && u.Core.EndsWith('了');
    }

    private string? Reason(string t)
    {
        foreach (var (word, reason) in lexicon.Reasons)
        {
            if (t.Contains(word, StringComparison.Ordinal))
            {
                return reason;
            }
        }

        foreach (var intro in words.ReasonIntros)
        {
            var at = t.IndexOf(intro, StringComparison.Ordinal);
            if (at >= 0)
            {
                var rest = t[(at + intro.Length)..].Trim();
                var end = rest.AsSpan().IndexOfAny(ClauseStops);
                var reason = (end < 0 ? rest : rest[..end]).Trim();
                return reason.Length > 0 ? reason : null;
            }
        }

        return null;
    }

    // ---- Helpers.

    private static IntentResult Result(IntentKind kind, double confidence, IntentEntities? entities = null) =>
        new() { Kind = kind, Confidence = confidence, Entities = entities ?? IntentEntities.None };

    private static string[] Clauses(string core) => core.Split(ClauseSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? StartsWithAny(string text, List<string> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix;
            }
        }

        return null;
    }

    private static bool ContainsAny(string text, List<string> words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Remove(string text, List<string> words)
    {
        foreach (var word in words.OrderByDescending(w => w.Length))
        {
            text = text.Replace(word, string.Empty, StringComparison.Ordinal);
        }

        return text.Trim();
    }

    [GeneratedRegex(@"[#第]?(\d{1,2})条?$")]
    private static partial Regex TrailingNumber();

    [GeneratedRegex(@"(?<![a-z0-9])[a-z0-9]{6}(?![a-z0-9])")]
    private static partial Regex CodeToken();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}·]{2,6}")]
    private static partial Regex NameAtStart();

    [GeneratedRegex(@"^(?:[\p{IsCJKUnifiedIdeographs}·]{2,6}|[a-z][a-z .'-]{1,30})$")]
    private static partial Regex NameOnly();
}
