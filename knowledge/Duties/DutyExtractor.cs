using System.Text.RegularExpressions;
using PartyAffairs.Knowledge.Corpus;

namespace PartyAffairs.Knowledge.Duties;

/// <summary>
/// Finds every duty (frequency, quota, deadline) that the clauses of a corpus set. Each sentence is read by
/// <see cref="FrequencyParser"/>; each expression becomes one <see cref="Duty"/> (or one per object when a count covers
/// several, as in “1次党内法规和廉政专题学习、警示教育”), with its kind (<see cref="DutyKinds"/>) and its actor
/// (<see cref="DutyActors"/>: the sentence's subject, else the role the clause's section heading names).
/// </summary>
public sealed partial class DutyExtractor
{
    private static readonly HashSet<string> MeetingNames =
        ["党员大会", "支部大会", "党员组织生活会", "党支部委员会", "支部委员会", "支部委员会议", "支委会", "党小组会", "中心组"];

    [GeneratedRegex(@"向[^，；。]*?(?=报告|汇报|述职|通报|反映|报送)")]
    private static partial Regex RecipientPhrase();

    [GeneratedRegex(@"(?:向|为|对|在|给|到|与|跟|同)[^，；。]*?(?=报告|汇报|述职|通报|反映|报送|上|讲|进行|开展|召开|交换|检查|听取|组织|$)")]
    private static partial Regex PrepositionalPhrase();

    // What may stand before a subject at the start of a chunk: 其中机关党委…, 各党支部…, 全体党员….
    [GeneratedRegex(@"^(?:[0-9０-９]{1,3}[．.、]|[（(][0-9一二三四五六七八九十]{1,3}[）)]|其中|各|本|全体|机关|部门|市级|区级|所属|基层|\s)*$")]
    private static partial Regex SubjectPrefix();

    // Causative verbs whose object is the one who acts: 引导党员主动按月交纳党费.
    [GeneratedRegex(@"(?:引导|督促|要求|带领|组织)$")]
    private static partial Regex CausativeVerb();

    [GeneratedRegex(@"^\s*[0-9]{4}\s*年度?[^，。；]*(?:清单|计划|要点|标准)")]
    private static partial Regex AnnualTitle();

    [GeneratedRegex(@"^在[^，；。]*下$")]
    private static partial Regex CircumstanceOnly();

    [GeneratedRegex(@"^(?:\s|[0-9０-９]{1,3}[．.、]|[（(][0-9一二三四五六七八九十]{1,3}[）)]|其中|并且?|且|和|及|与|、|（|\()+")]
    private static partial Regex LeadingFiller();

    /// <summary>Extracts the duties of the given clauses; one sentence that sets several duties gives several entries.</summary>
    public IReadOnlyList<Duty> Extract(IReadOnlyList<SourceDocument> documents, IReadOnlyList<Clause> clauses)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(clauses);
        var byId = documents.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var duties = new List<Duty>();
        Clause? previous = null;
        foreach (var clause in clauses)
        {
            duties.AddRange(ExtractClause(clause, byId.GetValueOrDefault(clause.DocumentId), previous));
            previous = clause;
        }

        return duties;
    }

    /// <summary>
    /// The duties one clause sets, in reading order. When the clause belongs to an annual list (its document's title or
    /// top heading names a year: 2020年度…责任清单), a count without a period of its own is per year.
    /// </summary>
    /// <param name="clause">The clause.</param>
    /// <param name="document">Its document, if known.</param>
    /// <param name="previous">The clause read before it: when both are sentences of one unit, a topic the previous
    /// sentence sets (意识形态工作…) carries over to a sentence that names it again.</param>
    public IReadOnlyList<Duty> ExtractClause(Clause clause, SourceDocument? document = null, Clause? previous = null)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var result = new List<Duty>();
        var sectionActor = SectionActor(clause);
        var defaultPeriod = IsAnnualList(clause, document) ? "P1Y" : null;
        var context = clause.ParentId is not null && previous?.ParentId == clause.ParentId && previous.DocumentId == clause.DocumentId
            ? LastSentence(previous.Text)
            : null;
        foreach (var sentence in SentenceSplitter.Split(clause.Text))
        {
            foreach (var expression in FrequencyParser.Parse(sentence, defaultPeriod))
            {
                var site = new Site(sentence, expression, clause.HeadingPath, context);
                var actor = SubjectActor(site) ?? sectionActor;
                foreach (var (kind, objectText) in Kinds(site))
                {
                    result.Add(new Duty
                    {
                        Id = $"{clause.DocumentId}:{clause.Id}:{result.Count + 1}",
                        Document = clause.DocumentId,
                        ClauseId = clause.Id,
                        Text = clause.Text,
                        Actor = actor,
                        Kind = Reported(kind, actor),
                        Summary = Summary(site, objectText),
                        Period = expression.Period,
                        Count = expression.Count,
                        Quota = expression.Quota,
                        Window = expression.Window,
                        Deadline = expression.Deadline,
                        ListTitle = clause.ListTitle,
                    });
                }
            }

            context = sentence;
        }

        return result;
    }

    private static string? LastSentence(string text)
    {
        var sentences = SentenceSplitter.Split(text);
        return sentences.Count > 0 ? sentences[^1] : null;
    }

    // Only canonical kinds are reported; a 党小组's monthly 组织生活会 is its 党小组会.
    private static string? Reported(string? kind, string? actor) =>
        kind == DutyKinds.OrganisationalLifeMeeting && actor == DutyActors.PartyGroup ? DutyKinds.GroupMeeting
        : DutyKinds.IsCanonical(kind) ? kind
        : null;

    private static bool IsAnnualList(Clause clause, SourceDocument? document) =>
        AnnualTitle().IsMatch(document?.Title ?? "") || (clause.HeadingPath.Count > 0 && AnnualTitle().IsMatch(clause.HeadingPath[0]));

    // The role a clause's section names: for a labelled paragraph ("书记：负责…") the label's role as the corpus parser
    // read it; else the innermost heading that names one, by its head noun (the last role named).
    private static string? SectionActor(Clause clause)
    {
        var unitId = clause.ParentId ?? clause.Id.Split('#')[0];
        var lastSegment = unitId[(unitId.LastIndexOf('.') + 1)..];
        var namesRole = DutyActors.FindAll(lastSegment).Count > 0 || lastSegment.EndsWith("书记", StringComparison.Ordinal);
        if (clause.Roles.Count > 0 && namesRole)
        {
            if (DutyActors.Normalize(clause.Roles[0]) is { } labelled)
            {
                return labelled;
            }
        }

        for (var i = clause.HeadingPath.Count - 1; i >= 0; i--)
        {
            var found = DutyActors.FindAll(clause.HeadingPath[i]);
            if (found.Count > 0)
            {
                return found[^1].Actor;
            }
        }

        return null;
    }

    // The sentence's own subject: a role opening the anchor's chunk (before the period), a role after a causative verb,
    // a role opening an earlier chunk of the same part, or a person closing an attributive one (凡有固定工资收入的党员，每月…).
    private static string? SubjectActor(Site site)
    {
        var e = site.Expression;
        var sentence = site.Sentence;
        if (site.Continuation is { } continuation && OpeningActor(sentence[continuation.Start..continuation.End]) is { } continued)
        {
            return continued;
        }

        var ownEnd = e.PeriodStart >= e.ChunkStart && e.PeriodStart < e.AnchorStart ? e.PeriodStart : e.AnchorStart;
        var own = PrepositionalPhrase().Replace(sentence[e.ChunkStart..Math.Max(e.ChunkStart, ownEnd)], "");
        if (OpeningActor(own) is { } opening)
        {
            return opening;
        }

        foreach (var (actor, start, _) in DutyActors.FindAll(own))
        {
            if (CausativeVerb().IsMatch(own[..start]))
            {
                return actor;
            }
        }

        var earlier = TextSpans.Chunks(sentence, e.PartStart, e.ChunkStart);
        for (var i = earlier.Count - 1; i >= 0; i--)
        {
            var text = sentence[earlier[i].Start..earlier[i].End].Trim();
            if (text.Length == 0 || text.EndsWith("之间", StringComparison.Ordinal))
            {
                continue;
            }

            if (OpeningActor(text) is { } earlierSubject)
            {
                return earlierSubject;
            }

            // A topic phrase that ends in a person: 凡有固定工资收入的党员，…
            var found = DutyActors.FindAll(text);
            if (found.Count > 0 && text[found[^1].End..] is "" or "时" or "们" && text[..found[^1].Start].EndsWith('的')
                && !MeetingNames.Contains(text[found[^1].Start..found[^1].End]))
            {
                return found[^1].Actor;
            }
        }

        return null;
    }

    // A role that opens the text (after 其中/各/机关 …); of a list (机关党委、党总支、党支部班子成员) the team it ends with.
    private static string? OpeningActor(string text)
    {
        var found = DutyActors.FindAll(text);
        if (found.Count == 0 || !SubjectPrefix().IsMatch(text[..found[0].Start]))
        {
            return null;
        }

        return found.Any(f => f.Actor == DutyActors.TeamMember) ? DutyActors.TeamMember : found[0].Actor;
    }

    private static string? KindOf(string text) => DutyKinds.Classify(RecipientPhrase().Replace(text, ""));

    private static List<(string? Kind, string? ObjectText)> Kinds(Site site)
    {
        var e = site.Expression;
        var sentence = site.Sentence;
        if (e.Quota is { Unit: "学时" or "小时" })
        {
            return [(DutyKinds.CollectiveStudy, null)];
        }

        if (Topic(site) is { } topic)
        {
            return [(topic, null)];
        }

        var objectText = site.ObjectText;
        var parts = SplitTopLevel(objectText, '、').Select(p => p.Trim('和', '及', '与', ' ')).Where(p => p.Length > 0).ToList();
        var partKinds = parts.Select(p => (Kind: KindOf(p), Text: p)).ToList();
        if (partKinds.Count > 1 && partKinds.All(p => p.Kind is not null) && partKinds.Select(p => p.Kind).Distinct().Count() > 1)
        {
            return [.. partKinds.Select(p => (p.Kind, (string?)p.Text))];
        }

        var periodEnd = e.PeriodEnd >= e.SpanStart && e.PeriodEnd <= e.AnchorStart ? e.PeriodEnd : e.SpanStart;
        var subjectEnd = e.PeriodStart >= e.SpanStart && e.PeriodStart < e.AnchorStart ? e.PeriodStart : e.AnchorStart;
        var kind = KindOf(sentence[periodEnd..e.AnchorStart] + objectText)
            ?? KindOf(sentence[e.SpanStart..subjectEnd])
            ?? (objectText.Trim().Length == 0 ? EarlierChunkKind(site) : null)
            ?? (e.IsEventLimit || (e.PeriodStart < 0 && e.IsImplicitCount) ? LaterChunkKind(site) : null);
        if (kind is null or DutyKinds.Filing && e.Deadline is not null && SubmitsTheList(site))
        {
            // “3月底前报市直机关工委” in the notes of a responsibility list: what is submitted is the list itself.
            kind = DutyKinds.ResponsibilityList;
        }

        return [(kind, null)];
    }

    // A topic (意识形态, 中心组) governs a duty when its own chunk names it before the count, when the first chunk of its
    // part names it, or when the part continues the previous part's topic (其中…, or naming it again).
    private static string? Topic(Site site)
    {
        var e = site.Expression;
        var sentence = site.Sentence;
        if (DutyKinds.FindTopic(sentence[e.ChunkStart..e.AnchorStart]) is { } own)
        {
            return own;
        }

        var parts = TextSpans.Parts(sentence, 0, sentence.Length);
        var index = parts.FindIndex(p => e.AnchorStart >= p.Start && e.AnchorStart <= p.End);
        var part = parts[index];
        var firstChunk = TextSpans.Chunks(sentence, part.Start, part.End)[0];
        if (DutyKinds.FindTopic(sentence[firstChunk.Start..Math.Min(firstChunk.End, e.AnchorStart)]) is { } lead)
        {
            return lead;
        }

        var previousText = index > 0 ? sentence[parts[index - 1].Start..parts[index - 1].End] : site.Context;
        var previous = DutyKinds.FindTopic(previousText);
        var partText = sentence[part.Start..part.End].TrimStart();
        return previous is not null && (partText.StartsWith("其中", StringComparison.Ordinal) || DutyKinds.FindTopic(partText) == previous)
            ? previous
            : null;
    }

    private static bool SubmitsTheList(Site site) =>
        site.Sentence[site.Expression.AnchorEnd..].Contains('报', StringComparison.Ordinal)
        && site.Headings.Any(h => h.TrimEnd().EndsWith("清单", StringComparison.Ordinal));

    private static string? EarlierChunkKind(Site site)
    {
        var e = site.Expression;
        var earlier = TextSpans.Chunks(site.Sentence, e.PartStart, e.ChunkStart);
        for (var i = earlier.Count - 1; i >= 0; i--)
        {
            if (KindOf(site.Sentence[earlier[i].Start..earlier[i].End]) is { } kind)
            {
                return kind;
            }
        }

        return null;
    }

    private static string? LaterChunkKind(Site site)
    {
        var e = site.Expression;
        var later = TextSpans.Chunks(site.Sentence, e.ObjectEnd, TextSpans.PartEnd(site.Sentence, e.PartStart));
        return later.Count > 1 ? KindOf(site.Sentence[later[1].Start..later[1].End]) : null;
    }

    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '（' or '(' or '“' or '《' or '<')
            {
                depth++;
            }
            else if (c is '）' or ')' or '”' or '》' or '>')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && c == separator)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    // The words of the sentence that set this duty alone, with the period prefixed when it lies outside them.
    private static string Summary(Site site, string? objectText)
    {
        var e = site.Expression;
        var sentence = site.Sentence;
        var end = Math.Max(e.ObjectEnd, e.AnchorEnd);
        var text = objectText is null ? sentence[e.SpanStart..end] : sentence[e.SpanStart..e.ObjectStart] + objectText;
        text = LeadingFiller().Replace(text, "");
        if (e.PeriodStart >= 0 && (e.PeriodStart < e.SpanStart || e.PeriodStart >= end))
        {
            text = e.PeriodText + text;
        }

        if (site.Continuation is { } continuation)
        {
            text += "，" + sentence[continuation.Start..continuation.End];
        }
        else if (e.ObjectEnd == e.ObjectStart && text.Length < 12 && DutyKinds.Classify(text) is null && e.ChunkStart > e.PartStart)
        {
            // A bare count ("全年不少于四次", "一般情况下每月一次") reads with the chunk before it that names the duty.
            var previous = TextSpans.Chunks(sentence, e.PartStart, e.ChunkStart).LastOrDefault(c => c.End > c.Start);
            if (previous.End > previous.Start)
            {
                text = LeadingFiller().Replace(sentence[previous.Start..previous.End], "") + "，" + text;
            }
        }
        else if (e.IsEventLimit || (e.PeriodStart < 0 && e.IsImplicitCount))
        {
            // A bare limit or date ("处分决定生效之日起30日内") reads better with the chunk that says what is due.
            var later = TextSpans.Chunks(sentence, end, TextSpans.PartEnd(sentence, e.PartStart));
            if (later.Count > 1 && later[1].End > later[1].Start)
            {
                text += "，" + sentence[later[1].Start..later[1].End];
            }
        }

        text = text.TrimEnd('、', '和', '及', '与', ' ', '，');
        if (text.EndsWith('）') && !text.Contains('（', StringComparison.Ordinal))
        {
            text = text[..^1];
        }

        return text;
    }

    // An expression in its sentence, with the words that name what is due: the object after the count, or for a
    // period whose own words are only a circumstance (每年在市委组织部的统筹下，…) or an attributive
    // (结合每年的专题组织生活会，…开展民主评议党员工作) the chunk that continues it.
    private sealed class Site
    {
        public Site(string sentence, FrequencyExpression expression, IReadOnlyList<string> headings, string? context)
        {
            Sentence = sentence;
            Expression = expression;
            Headings = headings;
            Context = context;
            ObjectText = sentence[expression.ObjectStart..expression.ObjectEnd];
            if (!expression.IsImplicitCount || expression.PeriodStart < 0)
            {
                return;
            }

            var attributive = ObjectText.StartsWith('的') && sentence.AsSpan(expression.ChunkStart).TrimStart().StartsWith("结合", StringComparison.Ordinal);
            if (!attributive && !CircumstanceOnly().IsMatch(ObjectText))
            {
                return;
            }

            var following = TextSpans.Chunks(sentence, expression.ObjectEnd, TextSpans.PartEnd(sentence, expression.PartStart)).Skip(1)
                .Where(c => c.End > c.Start).ToList();
            var chosen = attributive ? following.FirstOrDefault(c => KindOf(sentence[c.Start..c.End]) is not null) : default;
            if (chosen == default && following.Count > 0)
            {
                chosen = following[0];
            }

            if (chosen != default)
            {
                Continuation = chosen;
                ObjectText = sentence[chosen.Start..chosen.End];
            }
        }

        public string Sentence { get; }

        public FrequencyExpression Expression { get; }

        public IReadOnlyList<string> Headings { get; }

        /// <summary>The sentence read before this one within the same unit, if any.</summary>
        public string? Context { get; }

        public string ObjectText { get; }

        public (int Start, int End)? Continuation { get; }
    }
}
