using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PartyAffairs.Knowledge.Corpus;
using PartyAffairs.Knowledge.Vocabulary;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>
/// Finds the clauses that answer a question: Lucene CJK bigrams scored with BM25 over normalized clause text and heading
/// context, then re-ranked with what keyword search lacks (topics and their colloquial names, question intent, roles,
/// places), with a confidence gate that refuses questions the corpus does not cover. Built once; thread-safe to query.
/// </summary>
public sealed partial class ClauseRetriever : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const int CandidateCount = 40;
    private const int SubstringRerankCount = 15;
    private const double CoverageWeight = 6;
    private const double NegationWeight = 2.5;
    private const double FactWeight = 2;
    private const double Promotion = 0.01;

    private static readonly System.Buffers.SearchValues<char> NegationCharacters = System.Buffers.SearchValues.Create("未不没无非");

    // Characters that mostly stand alone in a colloquial question: verbs of doing, measure words, function words.
    private static readonly System.Buffers.SearchValues<char> FunctionCharacters =
        System.Buffers.SearchValues.Create("是些来搞弄过着办开交收帮替归管找学讲几回每年月季周天次个么样吗呢吧啊的了在和与跟把被让给到去要能得都也还就又再才上下里中前后之对向由从为以而或及等一二两三四五六七八九十");

    // Individual offices, as opposed to organisation levels and members at large, and the secretaries among them.
    private static readonly HashSet<string> Positions =
        [.. PartyVocabulary.Shipped.Roles.Where(r => r.InClauses && r.Kind == RoleKind.Office).Select(r => r.Name)];

    private static readonly HashSet<string> Secretaries =
        [.. PartyVocabulary.Shipped.Roles.Where(r => r.InClauses && r.Office == "书记").Select(r => r.Name)];

    private static readonly QueryIntent[] IntentBits =
    [
        QueryIntent.Frequency, QueryIntent.Deadline, QueryIntent.Quota, QueryIntent.Responsibility, QueryIntent.Content,
        QueryIntent.Consequence, QueryIntent.Threshold, QueryIntent.Manner, QueryIntent.Permission, QueryIntent.Combination,
        QueryIntent.Score,
    ];
    private const string TextField = "text";
    private const string ContextField = "ctx";

    private readonly Analyzer analyzer = new CJKAnalyzer(Version);
    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly Bm25Postings textPostings;
    private readonly Bm25Postings contextPostings;
    private readonly double[] conceptIdf = new double[ConceptLexicon.All.Count];
    private readonly int[][] conceptClauses = new int[ConceptLexicon.All.Count][];
    private readonly ClauseFeatures[] features;
    private readonly int[] clauseOfDoc;
    private readonly Dictionary<Clause, string> normalizedByClause = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Clause, List<Clause>> rowItems = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, SourceDocument> documents;
    private readonly (string Place, SourceDocument Document)[] places;

    // The words of a question that name who rather than what: roles as the vocabulary writes them, bare office words
    // (书记, 委员) and the corpus's places. Bodies and meetings (党员大会) are topics, not role words.
    private readonly Regex roleWords;

    [GeneratedRegex("请问|请|问一下|一下|我想知道|我想问|想问|咨询|多久|多长时间|多少|什么|怎么|怎样|如何|是不是|是否|吗|呢|吧|啊|呀|哦|的|了|要|需要|应该|应当|我们|咱们|我|你|他|都|有没有|没有|有|能不能|可以|一回|几|哪|谁|时候|规定|要求|问题|一般|每个|这个|那个|还是|就|得|给|大家|平时|平常|咱|俺|您|他们|最多|最少|最高|最低|上限")]
    private static partial Regex Filler();

    [GeneratedRegex(@"\d+[^\d,，。?？!！、;；]{1,3}")]
    private static partial Regex NumberPhrase();


    // Points in the year a question may name; a clause naming the same one is likely the answer (年中有检查).
    [GeneratedRegex(@"年初|年中|年末|年底|上半年|下半年|七一|第[1-4]季度|\d+月")]
    private static partial Regex TimeWord();

    [GeneratedRegex("最少|最多|至少|不少于|不超过|不低于|(多少|几)个?[人名位]")]
    private static partial Regex FactWords();

    [GeneratedRegex("没有|没|未|不(?!少于|超过|低于|定期)|无")]
    private static partial Regex Negation();

    [GeneratedRegex("我(?!们)|本人|自己|俺")]
    private static partial Regex FirstPerson();

    // Words that open a question with its predicate: a time, a modal, a question word.
    [GeneratedRegex("^(?:每|[1一]?(?:年|个?月|季度?|周)|平时|平常|要|需要|需|得|应|该|必须|能|可以|可不可以|是否|是不是|多久|多长|几|什么时候|何时|怎么|如何|哪)")]
    private static partial Regex PredicateOpening();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    /// <summary>Indexes <paramref name="clauses"/> of <paramref name="corpusDocuments"/>.</summary>
    public ClauseRetriever(IReadOnlyList<SourceDocument> corpusDocuments, IReadOnlyList<Clause> clauses)
    {
        ArgumentNullException.ThrowIfNull(corpusDocuments);
        ArgumentNullException.ThrowIfNull(clauses);
        documents = corpusDocuments.ToDictionary(d => d.Id, StringComparer.Ordinal);
        places = [.. corpusDocuments.SelectMany(d => d.Places.Select(p => (p, d)))];
        roleWords = RoleWordPattern(places.Select(p => p.Place));
        var leads = clauses.Where(c => c.ParentId is not null && c.Id.EndsWith("#1", StringComparison.Ordinal))
            .GroupBy(c => (c.DocumentId, c.ParentId!)).ToDictionary(g => g.Key, g => g.First());
        features = [.. clauses.Select(c => ClauseFeatures.Create(c, leads))];
        foreach (var f in features)
        {
            normalizedByClause.TryAdd(f.Clause, f.Normalized);
        }

        foreach (var row in clauses.Where(c => c.Kind == ClauseKind.TableRow))
        {
            rowItems[row] = [.. clauses.Where(c => c.DocumentId == row.DocumentId && c.Id.StartsWith(row.Id + ".", StringComparison.Ordinal))];
        }

        var config = new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < features.Length; i++)
            {
                var f = features[i];
                var doc = new LuceneDocument
                {
                    new TextField(TextField, f.Normalized, Field.Store.NO),
                    new TextField(ContextField, f.Context, Field.Store.NO),
                    new StoredField("i", i),
                };
                writer.AddDocument(doc);
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        clauseOfDoc = new int[reader.MaxDoc];
        for (var d = 0; d < reader.MaxDoc; d++)
        {
            clauseOfDoc[d] = reader.Document(d).GetField("i").GetInt32Value() ?? 0;
        }

        textPostings = Bm25Postings.Read(reader, TextField, clauseOfDoc, features.Length);
        contextPostings = Bm25Postings.Read(reader, ContextField, clauseOfDoc, features.Length);
        for (var c = 0; c < conceptIdf.Length; c++)
        {
            conceptClauses[c] = [.. Enumerable.Range(0, features.Length).Where(i => features[i].Concepts.Contains(c))];
            conceptIdf[c] = Bm25Postings.Idf(conceptClauses[c].Length, features.Length);
        }
    }

    /// <summary>
    /// Finds the clauses that answer <paramref name="question"/>. A member's <paramref name="role"/> (a canonical role or a
    /// roster role such as 组织委员) re-ranks the candidates as the question's subject when the question names nobody; it
    /// never removes a clause.
    /// </summary>
    public RetrievalResult Search(string question, string? role = null, int take = 5)
    {
        ArgumentNullException.ThrowIfNull(question);
        var normalized = TextNormalizer.Normalize(question);
        var queryConcepts = ConceptLexicon.QueryConcepts(normalized);
        var intent = ConceptLexicon.QueryIntents(normalized);
        var queryRoles = RoleLexicon.Find(normalized);
        // A bound member's role re-ranks, never filters: when the question names nobody ("每年要参加几次轮训", "我要学多少
        // 学时"), the member is its subject, and the role weighs as if the question named it.
        var boundRole = RoleLexicon.Normalize(role);
        var subjectRoles = queryRoles.Count == 0 && boundRole is not null && !NamesAnOffice(normalized) ? [boundRole] : queryRoles;
        // The member is the subject when speaking in the first person (我, 本人) or when the question opens with its predicate
        // (每年要参加几次轮训, 要写思想汇报吗); a question that opens with what it is about (组织生活会能不能随时开, 县区局的
        // 党建工作多久考核一次) is about that, and the role only breaks near ties.
        var memberIsSubject = subjectRoles == queryRoles || FirstPerson().IsMatch(normalized) || PredicateOpening().IsMatch(normalized);
        if (!memberIsSubject)
        {
            subjectRoles = queryRoles;
        }
        var queryPeriods = ConceptLexicon.QueryPeriods(normalized);
        var numberPhrases = NumberPhrase().Matches(normalized).Select(m => m.Value).Where(v => v.Length > NumberPrefixLength(v)).ToList();
        var anySecretary = normalized.Contains("书记", StringComparison.Ordinal) && !queryRoles.Any(Secretaries.Contains);
        var namedDocuments = places.Where(p => normalized.Contains(p.Place, StringComparison.Ordinal)).Select(p => p.Document.Id).ToHashSet(StringComparer.Ordinal);

        var terms = Terms(normalized);
        var withoutFiller = Filler().Replace(normalized, "，");
        var concepts = ConceptNames(queryConcepts);
        if (!IsInScope(normalized, withoutFiller, terms, queryConcepts) || (terms.Count == 0 && queryConcepts.IsEmpty))
        {
            return new RetrievalResult { InScope = false, Concepts = concepts, Intent = intent };
        }

        // BM25 over the clause text (1), its context (0.3) and its topics (2), as one Lucene BooleanQuery of SHOULD
        // term queries would score it.
        var bm25 = new double[features.Length];
        foreach (var term in terms)
        {
            textPostings.Add(term, 1, bm25);
            contextPostings.Add(term, 0.3, bm25);
        }

        foreach (var c in ConceptIndexes(queryConcepts))
        {
            var weight = 2 * conceptIdf[c];
            foreach (var i in conceptClauses[c])
            {
                bm25[i] += weight;
            }
        }

        var top = TopCandidates(bm25, CandidateCount);
        if (top.Count == 0)
        {
            return new RetrievalResult { InScope = false, Concepts = concepts, Intent = intent };
        }

        var maxScore = bm25[top[0]];
        var negated = NegatedWords(normalized);
        var asked = StatedFacts.Asked(normalized);
        var askedTopics = SpecificTopics(queryConcepts);
        // How many (几个等次, 多少人, 多少比例): the clause stating such a number by the words asked of answers it. How often and
        // by when are scored by the intents and periods above.
        var focusWords = asked.Fact == AskedFact.None ? [] : AskedWords(normalized, withoutFiller, askedTopics, asked);
        var askedWords = asked.Fact is AskedFact.Count or AskedFact.People or AskedFact.Amount or AskedFact.Score or AskedFact.TermOfOffice
            ? focusWords : [];
        var content = KnownContentBigrams(withoutFiller);
        var timeWords = TimeWord().Matches(normalized).Select(m => m.Value).ToList();
        var contentWeight = content.Sum(b => b.Idf);
        var ranked = new List<(int Clause, double Score)>(top.Count);
        foreach (var index in top)
        {
            var f = features[index];
            var score = Rerank(f, bm25[index] / maxScore, normalized, queryConcepts, intent, subjectRoles, namedDocuments);
            if (contentWeight > 0)
            {
                // Coordination: the share (by idf) of the question's own words, question words removed, that the
                // clause holds. BM25 alone lets a short clause win on the common words and miss the one that matters.
                var held = 0.0;
                foreach (var (bigram, idf) in content)
                {
                    if (f.Normalized.Contains(bigram, StringComparison.Ordinal) || f.Context.Contains(bigram, StringComparison.Ordinal))
                    {
                        held += idf;
                    }
                }

                score += CoverageWeight * held / contentWeight;
            }
            if (queryPeriods.Length > 0 && f.Periods.Length > 0 && (intent & QueryIntent.Frequency) != 0)
            {
                // The agreement counts when the clause's count belongs to the topic asked about, not to another topic
                // it mentions (党员大会一般每季度召开1次，听取…党支部委员会的工作报告 says nothing of the committee's period).
                var own = queryConcepts.IsEmpty || !(queryConcepts & f.CountedConcepts).IsEmpty;
                // A question over a longer period (一年开几回, 一个季度开几次) is answered by a finer one too (每季度召开1次,
                // 每月召开1次): no penalty, no bonus.
                var finer = f.Periods.Any(p => queryPeriods.Any(q => Fineness(p) < Fineness(q)));
                score += queryPeriods.Any(p => f.Periods.Contains(p, StringComparison.Ordinal)) ? (own ? 1.5 : 0) : finer ? 0 : -1;
            }

            if (timeWords.Any(w => f.Normalized.Contains(w, StringComparison.Ordinal)))
            {
                score += 1.5;
            }

            if (askedWords.Count > 0 && StatesTheAskedFact(f, asked, askedTopics, askedWords))
            {
                score += FactWeight;
            }

            // A condition the question negates (没参加培训) met by a clause negating the same thing (未经统一培训).
            var negations = 0;
            foreach (var word in negated)
            {
                if (NegatedIn(f.Normalized, word))
                {
                    negations++;
                }
            }

            score += negations == 0 ? 0 : NegationWeight + (negations > 1 ? 1 : 0);

            foreach (var phrase in numberPhrases)
            {
                // A number quoted with its unit ("100人以上") is precise: prefer the clause that has it as written.
                score += f.Normalized.Contains(phrase, StringComparison.Ordinal) ? 1.5
                    : f.Normalized.Contains(phrase[..Math.Min(phrase.Length, NumberPrefixLength(phrase) + 1)], StringComparison.Ordinal) ? 0.5 : 0;
            }

            if (anySecretary && f.Clause.Roles.Any(Secretaries.Contains))
            {
                score += 1;
            }
            ranked.Add((index, score));
        }

        // A long stretch written exactly as in the question is strong evidence, but costly to measure: only for the leaders.
        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        for (var k = 0; k < Math.Min(SubstringRerankCount, ranked.Count); k++)
        {
            var common = LongestCommonSubstring(normalized, features[ranked[k].Clause].Normalized);
            ranked[k] = (ranked[k].Clause, ranked[k].Score + Math.Min(3, Math.Max(0, common - 3) * 0.4));
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        if (!CoveredByOneClause(normalized, withoutFiller, terms, queryConcepts, intent, features[ranked[0].Clause]))
        {
            return new RetrievalResult { InScope = false, Concepts = concepts, Intent = intent };
        }

        if ((intent & QueryIntent.Score) == 0)
        {
            LeadWithAPlainRule(ranked, queryConcepts, intent, namedDocuments, asked, askedTopics, focusWords);
        }

        if (boundRole is not null && !memberIsSubject)
        {
            BreakTieForRole(ranked, boundRole);
        }

        if (NearestWithoutTheFact(ranked, normalized, queryConcepts, asked, focusWords) is { } related)
        {
            return new RetrievalResult
            {
                InScope = true, NotStated = asked.Fact, Concepts = concepts, Intent = intent,
                Hits = [.. related.Take(take).Select(r => ToHit(r.Clause, r.Score, queryConcepts))],
            };
        }

        var hits = ranked.Take(take).Select(r => ToHit(r.Clause, r.Score, queryConcepts)).ToList();
        var (ambiguous, suggestions) = Disambiguate(ranked, queryConcepts);
        return new RetrievalResult
        {
            InScope = true, Hits = hits, Concepts = concepts, Intent = intent, Ambiguous = ambiguous, Suggestions = suggestions,
            OtherDocuments = OtherDocuments(ranked, queryConcepts),
            RoleRule = boundRole is null ? null : RoleRule(ranked, queryConcepts, boundRole, role!.Trim()),
            Role = role?.Trim(),
        };
    }

    // The words a question negates: the corpus bigrams within four characters after 没, 未, 不 or 无 (没参加培训 → 参加, 培训).
    private List<string> NegatedWords(string normalized)
    {
        var words = new List<string>();
        foreach (Match m in Negation().Matches(normalized))
        {
            for (var k = m.Index + m.Length; k + 1 < normalized.Length && k < m.Index + m.Length + 4; k++)
            {
                var bigram = normalized.Substring(k, 2);
                if (bigram[0] > 0x2E80 && bigram[1] > 0x2E80 && !FunctionCharacters.Contains(bigram[0]) && textPostings.Contains(bigram) && !words.Contains(bigram))
                {
                    words.Add(bigram);
                }
            }
        }

        return words;
    }

    private static bool NegatedIn(string clause, string word)
    {
        for (var at = clause.IndexOf(word, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var from = Math.Max(0, at - 6);
            if (clause.AsSpan(from, at - from).IndexOfAny(NegationCharacters) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesAnOffice(string normalized) =>
        PartyVocabulary.Shipped.OfficeWords.Any(w => normalized.Contains(w, StringComparison.Ordinal));

    private static Regex RoleWordPattern(IEnumerable<string> placeNames)
    {
        var words = PartyVocabulary.Shipped.Roles.Where(r => r.InClauses).SelectMany(r => r.Aliases)
            .Concat(PartyVocabulary.Shipped.OfficeWords)
            .Select(TextNormalizer.Normalize)
            .Concat(placeNames)
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(w => w.Length)
            .Select(Regex.Escape);
        return new Regex(string.Join('|', words), RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>The items of a scoring table's row (the clauses of its cells, in reading order); empty for any other clause.</summary>
    internal IReadOnlyList<Clause> RowItems(Clause row) =>
        row.Kind == ClauseKind.TableRow && rowItems.TryGetValue(row, out var items) ? items : [];

    /// <summary>The normalized text of a clause this retriever indexed.</summary>
    internal string NormalizedText(Clause clause) =>
        normalizedByClause.TryGetValue(clause, out var text) ? text : TextNormalizer.Normalize(clause.Text);

    /// <summary>The example questions offered when a question cannot be answered.</summary>
    public static IReadOnlyList<string> ExampleQuestions { get; } =
        [.. ConceptLexicon.All.Where(c => c.Sample is not null).Take(3).Select(c => c.Sample!)];

    /// <inheritdoc />
    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
        analyzer.Dispose();
    }

    private static double Rerank(ClauseFeatures f, double bm25, string normalized, TopicSet queryConcepts, QueryIntent intent, IReadOnlyList<string> queryRoles, HashSet<string> namedDocuments)
    {
        var score = bm25 * 4;
        score += Weight(queryConcepts & f.Concepts);
        score += Weight(queryConcepts & f.ContextConcepts & ~f.Concepts) * 0.3;
        foreach (var bit in IntentBits)
        {
            if ((intent & bit) != 0 && (f.Intents & bit) != 0)
            {
                score += bit == QueryIntent.Frequency ? 2.5 : 2;
            }
        }

        if ((intent & (QueryIntent.Frequency | QueryIntent.Quota)) != 0 && f.HasCount)
        {
            score += 1;
        }

        if ((intent & (QueryIntent.Frequency | QueryIntent.Quota)) != 0 && !(queryConcepts & f.CountedConcepts).IsEmpty)
        {
            score += 1.5;
        }

        if ((intent & QueryIntent.Deadline) != 0 && f.HasDate)
        {
            score += 1;
        }

        if (f.Label is not null && normalized.Contains(f.Label, StringComparison.Ordinal))
        {
            score += 3;
            if (f.Clause.Kind == ClauseKind.TableRow && (intent & QueryIntent.Score) != 0)
            {
                score += 3; // what a named row of a scoring table is worth is written in the row itself (学习星 25分)
            }
        }

        foreach (var role in queryRoles)
        {
            if (f.ActorRoles.Contains(role))
            {
                score += 2;
            }
            else if (Positions.Contains(role) && f.ActorRoles.Any(Positions.Contains))
            {
                // The question names one office, the clause is written for another: what that office does about this
                // one (督促…党支部书记) is not this office's own rule.
                score -= f.Clause.Roles.Contains(role) ? 0 : 1.5;
            }
            else if (f.Clause.Roles.Contains(role))
            {
                score += 0.5;
            }
        }

        if (namedDocuments.Count > 0)
        {
            score += namedDocuments.Contains(f.Clause.DocumentId) ? 4 : -4;
        }

        if (f.IsLead)
        {
            score -= 2;
        }

        return score;
    }

    private static List<int> TopCandidates(double[] scores, int count)
    {
        var top = new List<int>(count + 1);
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] <= 0 || (top.Count == count && scores[i] <= scores[top[^1]]))
            {
                continue;
            }

            var at = top.Count;
            while (at > 0 && scores[top[at - 1]] < scores[i])
            {
                at--;
            }

            top.Insert(at, i);
            if (top.Count > count)
            {
                top.RemoveAt(top.Count - 1);
            }
        }

        return top;
    }

    private static int NumberPrefixLength(string phrase)
    {
        var n = 0;
        while (n < phrase.Length && char.IsAsciiDigit(phrase[n]))
        {
            n++;
        }

        return n;
    }

    private static int LongestCommonSubstring(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        var best = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            current.Clear();
            for (var j = 1; j <= b.Length; j++)
            {
                if (a[i - 1] == b[j - 1])
                {
                    current[j] = previous[j - 1] + 1;
                    best = Math.Max(best, current[j]);
                }
            }

            current.CopyTo(previous);
        }

        return best;
    }

    // The question's Chinese bigrams that occur in the corpus, weighted by idf, question words removed. Bigrams of role
    // words count less: roles are scored on their own, and they are the commonest words of the corpus.
    private List<(string Bigram, double Idf)> KnownContentBigrams(string withoutFiller)
    {
        const double RoleShare = 0.4;
        var withoutRoles = roleWords.Replace(withoutFiller, "，");
        return [.. Terms(withoutFiller)
            .Where(t => t.Length == 2 && t[0] > 0x2E80 && t[1] > 0x2E80 && textPostings.Contains(t))
            .Select(t => (t, textPostings.Idf(t) * (withoutRoles.Contains(t, StringComparison.Ordinal) ? 1 : RoleShare)))];
    }

    // A topic named in passing does not make a question ours when what it asks about is foreign to the corpus
    // (工会会费怎么交, 考驾照要多少学时): once question words and the topic's own words are set aside, most of what is
    // left (its bigrams) occurs nowhere in the documents.
    private bool AsksAboutSomethingElse(string withoutFiller, TopicSet queryConcepts)
    {
        // Periods (一个月, 每年) say when, not what: they are set aside too.
        var rest = ConceptLexicon.WithoutPeriods(withoutFiller);
        foreach (var c in ConceptIndexes(queryConcepts))
        {
            rest = ConceptLexicon.All[c].Query.Replace(rest, "，");
        }

        int known = 0, foreign = 0;
        for (var k = 0; k + 1 < rest.Length; k++)
        {
            if (rest[k] > 0x2E80 && rest[k + 1] > 0x2E80 && char.IsLetter(rest[k]) && char.IsLetter(rest[k + 1]))
            {
                if (textPostings.Contains(rest.Substring(k, 2)))
                {
                    known++;
                }
                else if (!FunctionCharacters.Contains(rest[k]) && !FunctionCharacters.Contains(rest[k + 1]))
                {
                    foreign++; // bigrams with a verb of doing or a function word mostly straddle two words (年搞, 来收)
                }
            }
        }

        // A topic the documents only name in passing (工会, 考核: weight below 2.5) anchors less: one foreign word, with
        // nothing else of the corpus beside it, is enough to tell the question is about something else.
        var weakTopicsOnly = Weight(queryConcepts, minimum: 2.5) == 0;
        return (foreign >= 2 || (weakTopicsOnly && foreign >= 1)) && foreign > known;
    }

    private bool IsInScope(string normalized, string withoutFiller, List<string> terms, TopicSet queryConcepts) =>
        IsAnchored(normalized, queryConcepts) || ContentBigrams(normalized, withoutFiller, terms) is not null;

    // A question is about the corpus when it names a specific topic, a role (书记 alone counts), or a place of the corpus
    // together with any topic.
    private bool IsAnchored(string normalized, TopicSet queryConcepts) =>
        Weight(queryConcepts, minimum: 2) > 0
        || RoleLexicon.Find(normalized).Count > 0
        || normalized.Contains("书记", StringComparison.Ordinal)
        || (!queryConcepts.IsEmpty && places.Any(p => normalized.Contains(p.Place, StringComparison.Ordinal)));

    // The question's Chinese bigrams once question words are removed, when enough of them occur in the corpus (at least
    // two, and half); null otherwise.
    private List<string>? ContentBigrams(string normalized, string withoutFiller, List<string> terms)
    {
        if (!Han().IsMatch(normalized))
        {
            return null;
        }

        var content = Terms(withoutFiller);
        if (content.Count == 0)
        {
            return null;
        }

        // Only Chinese bigrams count: digits and Latin words say nothing about the topic.
        var bigrams = content.Where(t => t.Length == 2 && char.IsLetter(t[0]) && t[0] > 0x2E80 && t[1] > 0x2E80).ToList();
        var known = bigrams.Count(textPostings.Contains);
        return known >= 2 && known * 2 >= bigrams.Count && terms.Count > 0 ? bigrams : null;
    }

    // Without a topic or a role to anchor it, a question is in scope only when one clause holds at least two of its
    // bigrams and half of them: bigrams scattered over unrelated clauses ("推荐" here, "小说" nowhere) are chance.
    private bool CoveredByOneClause(string normalized, string withoutFiller, List<string> terms, TopicSet queryConcepts, QueryIntent intent, ClauseFeatures best)
    {
        if (Weight(queryConcepts, minimum: 2) > 0)
        {
            return !AsksAboutSomethingElse(withoutFiller, queryConcepts);
        }

        if (IsAnchored(normalized, queryConcepts))
        {
            // A role alone does not make a question answerable ("党员可以炒股吗"): what it asks about must be there too.
            // What is asked of the role (至少几个人, 最多几名) is not what the question is about.
            var rest = Terms(Filler().Replace(FactWords().Replace(roleWords.Replace(normalized, "，"), "，"), "，"))
                .Where(t => t.Length == 2 && t[0] > 0x2E80 && t[1] > 0x2E80).ToList();
            var found = rest.Count(b => best.Normalized.Contains(b, StringComparison.Ordinal) || best.Context.Contains(b, StringComparison.Ordinal));
            return rest.Count == 0 || !(queryConcepts & best.Concepts).IsEmpty || (found >= 1 && found * 3 >= rest.Count);
        }

        var bigrams = ContentBigrams(normalized, withoutFiller, terms);
        if (bigrams is null)
        {
            return false;
        }

        // Weighted by idf, so the corpus's commonest words (中国共产党, 工作, 机关) say little on their own.
        var covered = bigrams.Where(b => best.Normalized.Contains(b, StringComparison.Ordinal) || best.Context.Contains(b, StringComparison.Ordinal)).ToList();
        var coveredWeight = covered.Sum(textPostings.Idf);
        var totalWeight = bigrams.Sum(textPostings.Idf);
        // A question worded as a duty question (how often, by when …) or sharing a topic with the clause needs a third.
        var share = intent != QueryIntent.None || !(queryConcepts & best.Concepts).IsEmpty ? 3 : 2;
        return covered.Count >= 2 && coveredWeight * share >= totalWeight;
    }

    private (bool Ambiguous, IReadOnlyList<string> Suggestions) Disambiguate(List<(int Clause, double Score)> ranked, TopicSet queryConcepts)
    {
        // Clear when the question names a specific topic and the best answers agree on which of its topics they match.
        var specific = Weight(queryConcepts, minimum: 2.5) > 0;
        var best = ranked[0];
        var bestMatch = features[best.Clause].Concepts & queryConcepts;
        var split = ranked.Count > 1 && ranked[1].Score >= best.Score * 0.9 && (features[ranked[1].Clause].Concepts & queryConcepts) != bestMatch;
        if (specific && !bestMatch.IsEmpty && !split)
        {
            return (false, []);
        }

        var suggestions = ranked.Take(8)
            .SelectMany(r => ConceptIndexes(features[r.Clause].Concepts & ~bestMatch))
            .Select(i => ConceptLexicon.All[i].Sample)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Take(3)
            .ToList();
        return (suggestions.Count > 0, suggestions);
    }

    private List<RetrievalHit> OtherDocuments(List<(int Clause, double Score)> ranked, TopicSet queryConcepts)
    {
        const double minimumShare = 0.5;
        var best = ranked[0];
        var topic = features[best.Clause].Concepts & queryConcepts;
        var others = new List<RetrievalHit>();
        if (topic.IsEmpty)
        {
            return others;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { features[best.Clause].Clause.DocumentId };
        foreach (var (index, score) in ranked)
        {
            var f = features[index];
            if (score >= best.Score * minimumShare && !(f.Concepts & topic).IsEmpty && seen.Add(f.Clause.DocumentId))
            {
                others.Add(ToHit(index, score, queryConcepts));
            }
        }

        return others;
    }

    private RetrievalHit ToHit(int index, double score, TopicSet queryConcepts)
    {
        var clause = features[index].Clause;
        return new RetrievalHit(clause, documents[clause.DocumentId], Math.Round(score, 3), ConceptNames(queryConcepts & features[index].Concepts));
    }

    private List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(TextField, text);
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var term = attribute.ToString();
            if (!terms.Contains(term, StringComparer.Ordinal))
            {
                terms.Add(term);
            }
        }

        stream.End();
        return terms;
    }

    // W < M < Q < H < Y, as ConceptLexicon names periods.
    private static int Fineness(char period) => "WMQHY".IndexOf(period, StringComparison.Ordinal);

    private static double Weight(TopicSet concepts, double minimum = 0)
    {
        var total = 0.0;
        foreach (var i in ConceptIndexes(concepts))
        {
            var w = ConceptLexicon.All[i].Weight;
            if (w >= minimum)
            {
                total += w;
            }
        }

        return total;
    }

    private static IEnumerable<int> ConceptIndexes(TopicSet concepts) => concepts.Indexes();

    private static List<string> ConceptNames(TopicSet concepts) => [.. ConceptIndexes(concepts).Select(i => ConceptLexicon.All[i].Name)];
}
