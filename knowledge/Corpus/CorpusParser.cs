using System.Text.RegularExpressions;

namespace PartyAffairs.Knowledge.Corpus;

/// <summary>
/// Turns the text of one responsibility-list document into <see cref="Clause"/> records: numbered headings and items in
/// every style the documents use, labelled role paragraphs, tab-separated tables whose cells hold several items, and long
/// units split into sentences. Ids are the heading path ("一.(三).4"), prefixed by the part ("§2.") when a document holds
/// several lists, with "#n" for the n-th sentence of a long unit.
/// </summary>
public sealed partial class CorpusParser
{
    /// <summary>Units longer than this many characters are answered sentence by sentence.</summary>
    public const int SentenceSplitThreshold = 100;

    /// <summary>Sentences of a long unit that are longer than this are split further at their semicolons.</summary>
    public const int SemicolonSplitThreshold = 90;

    private const int MaxHeadingLength = 40;
    private const int MaxPartHeadingLength = 60;
    private const int MaxLabelCellLength = 20;

    [GeneratedRegex(@"^([一二三四五六七八九十百]+)、")]
    private static partial Regex ChineseCommaMarker();

    [GeneratedRegex(@"^[（(]([一二三四五六七八九十百]+)[）)]")]
    private static partial Regex ChineseParenMarker();

    [GeneratedRegex(@"^[（(](\d{1,3})[）)]")]
    private static partial Regex ArabicParenMarker();

    [GeneratedRegex(@"^(\d{1,3})([．.、])(?!\d)\s*")]
    private static partial Regex ArabicMarker();

    [GeneratedRegex(@"^(\d{1,3})\.\s+")]
    private static partial Regex SpacedArabicMarker();

    [GeneratedRegex(@"[。；，：:;,！？!?]")]
    private static partial Regex SentencePunctuation();

    [GeneratedRegex(@"(清单|责任制|制度|标准|意见|办法|规定|细则|规则)$")]
    private static partial Regex PartHeadingEnding();

    [GeneratedRegex(@"^(?:[-•*]\s*)?(?<label>注|备注|[\u4e00-\u9fa5]{0,4}(?:书记|委员|组长))[：:]\s*(?<rest>.*)$")]
    private static partial Regex LabelLine();

    [GeneratedRegex(@"_{3,}")]
    private static partial Regex FormField();

    [GeneratedRegex(@"<p>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex CellParagraph();

    [GeneratedRegex(@"(?:^|(?<=\s))(\d{1,3})\.\s")]
    private static partial Regex CellItemMarker();

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^[-*+]\s+")]
    private static partial Regex MarkdownBullet();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^[^\s(（\d]+")]
    private static partial Regex LabelIdPart();

    private enum Style
    {
        Part,
        ChineseComma,
        ChineseParen,
        Arabic,
        ArabicParen,
        Label,
    }

    /// <summary>Parses one document.</summary>
    /// <param name="documentId">The document's id ("000").</param>
    /// <param name="fileName">The file name, relative to the corpus directory.</param>
    /// <param name="text">The document's text.</param>
    public ParsedDocument Parse(string documentId, string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);

        var markdown = fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var meta = DocumentMetadataReader.Read(lines);
        var run = new Run(documentId, lines, meta.Lines, markdown);
        run.Execute();

        var title = meta.Title is not null
            ? DocumentMetadataReader.CitationTitle(meta.Title)
            : run.FirstPartHeading ?? lines.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? fileName;

        var document = new SourceDocument
        {
            Id = documentId,
            Title = title,
            Issuer = meta.Issuer,
            Number = meta.Number,
            Date = meta.Date,
            Places = meta.Places,
            FileName = fileName,
        };
        return new ParsedDocument { Document = document, Clauses = run.Clauses, Skipped = run.Skipped };
    }

    private sealed class Frame
    {
        public required Style Style { get; init; }

        public string? Token { get; init; }

        public required string Text { get; init; }

        public bool HeadingOnly { get; init; }

        public int Paragraphs { get; set; }
    }

    private sealed class Run(string documentId, string[] lines, ISet<int> metadataLines, bool markdown)
    {
        private readonly List<Frame> stack = [];
        private readonly HashSet<string> ids = new(StringComparer.Ordinal);
        private readonly List<int> partLines = [];
        private readonly HashSet<int> collectionLines = [];
        private string? collectionTitle;
        private string? listTitle;
        private int partNumber;
        private int rootParagraphs;
        private string[]? tableHeader;
        private string[] tableLabels = [];
        private bool tableStarted;

        public List<Clause> Clauses { get; } = [];

        public List<SkippedLine> Skipped { get; } = [];

        public string? FirstPartHeading { get; private set; }

        private bool MultiPart => partLines.Count - collectionLines.Count >= 2;

        public void Execute()
        {
            FindParts();
            string? fragment = null;
            for (var i = 0; i < lines.Length; i++)
            {
                var raw = lines[i];
                var t = raw.Trim();
                if (t.Length == 0 || metadataLines.Contains(i))
                {
                    continue;
                }

                if (FormField().IsMatch(t))
                {
                    Skipped.Add(new SkippedLine(i + 1, t, "表单填写栏"));
                    continue;
                }

                if (markdown)
                {
                    if (MarkdownHeading().IsMatch(t))
                    {
                        StartPart(MarkdownHeading().Replace(t, string.Empty), collection: false, numbered: false);
                        continue;
                    }

                    t = MarkdownBullet().Replace(t, string.Empty);
                }

                if (raw.Contains('\t', StringComparison.Ordinal))
                {
                    TableRow(i, raw);
                    continue;
                }

                if (partLines.Contains(i))
                {
                    var heading = fragment is null ? t : fragment + t;
                    fragment = null;
                    StartPart(heading, collectionLines.Contains(i), SpacedArabicMarker().IsMatch(t));
                    continue;
                }

                if (fragment is null && IsTitleFragment(t) && NextContentLine(i) is { } next && partLines.Contains(next))
                {
                    fragment = t;
                    continue;
                }

                if (LabelLine().Match(t) is { Success: true } label)
                {
                    Label(i, t, label);
                    continue;
                }

                if (Marker(t) is { } marker)
                {
                    Numbered(i, t, marker.Style, marker.Token, marker.BodyStart);
                    continue;
                }

                Paragraph(i, t);
            }
        }

        private void FindParts()
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var t = lines[i].Trim();
                if (t.Length > 0 && !metadataLines.Contains(i) && !lines[i].Contains('\t', StringComparison.Ordinal) && IsPartHeading(t))
                {
                    partLines.Add(i);
                }
            }

            foreach (var line in partLines)
            {
                if (NextContentLine(line) is { } next && partLines.Contains(next))
                {
                    collectionLines.Add(line);
                }
            }
        }

        private int? NextContentLine(int i)
        {
            for (var j = i + 1; j < lines.Length; j++)
            {
                if (lines[j].Trim().Length > 0 && !metadataLines.Contains(j))
                {
                    return j;
                }
            }

            return null;
        }

        private static bool IsPartHeading(string t)
        {
            var body = SpacedArabicMarker().Replace(t, string.Empty);
            return body.Length <= MaxPartHeadingLength
                && !SentencePunctuation().IsMatch(body)
                && PartHeadingEnding().IsMatch(body)
                && ChineseCommaMarker().Match(body) is { Success: false }
                && ChineseParenMarker().Match(body) is { Success: false }
                && ArabicMarker().Match(body) is { Success: false };
        }

        private static bool IsTitleFragment(string t) =>
            t.Length <= 20 && !SentencePunctuation().IsMatch(t) && Marker(t) is null;

        private void StartPart(string heading, bool collection, bool numbered)
        {
            stack.Clear();
            tableHeader = null;
            tableLabels = [];
            tableStarted = false;
            if (collection)
            {
                collectionTitle = heading;
                return;
            }

            if (!numbered)
            {
                collectionTitle = null;
            }

            FirstPartHeading ??= heading;
            partNumber++;
            listTitle = MultiPart ? WhiteSpace().Replace(SpacedArabicMarker().Replace(heading, string.Empty), string.Empty) : null;
            stack.Add(new Frame { Style = Style.Part, Token = MultiPart ? "§" + partNumber : null, Text = heading, HeadingOnly = true });
        }

        private static (Style Style, string Token, int BodyStart)? Marker(string t)
        {
            if (ChineseCommaMarker().Match(t) is { Success: true } a)
            {
                return (Style.ChineseComma, a.Groups[1].Value, a.Length);
            }

            if (ChineseParenMarker().Match(t) is { Success: true } b)
            {
                return (Style.ChineseParen, "(" + b.Groups[1].Value + ")", b.Length);
            }

            if (ArabicParenMarker().Match(t) is { Success: true } c)
            {
                return (Style.ArabicParen, "(" + c.Groups[1].Value + ")", c.Length);
            }

            if (ArabicMarker().Match(t) is { Success: true } d)
            {
                // 1． 1. 1、 are one level: documents mix them for the same list.
                return (Style.Arabic, d.Groups[1].Value, d.Length);
            }

            return null;
        }

        private void Numbered(int line, string t, Style style, string token, int bodyStart)
        {
            var same = stack.FindLastIndex(f => f.Style == style);
            if (same >= 0)
            {
                stack.RemoveRange(same, stack.Count - same);
            }

            var body = t[bodyStart..];
            var headingOnly = body.Length <= MaxHeadingLength && !SentencePunctuation().IsMatch(body);
            var frame = new Frame { Style = style, Token = token, Text = t, HeadingOnly = headingOnly };
            var headings = HeadingTexts();
            var headingRoles = SectionRoles();
            stack.Add(frame);
            if (!headingOnly)
            {
                Emit(IdOf(stack), t, ClauseKind.Item, line, headings, headingRoles);
            }
        }

        private void Label(int line, string t, Match match)
        {
            var label = match.Groups["label"].Value;
            var rest = match.Groups["rest"].Value.Trim();
            PopContent();
            while (stack.Count > 0 && stack[^1].Style == Style.Label)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            var headingOnly = rest.Length == 0 || Marker(rest) is not null;
            var text = t.TrimStart('-', '•', '*', ' ');
            var headings = HeadingTexts();
            var roles = LabelRoles(label);
            stack.Add(new Frame { Style = Style.Label, Token = label, Text = label, HeadingOnly = headingOnly });
            if (!headingOnly)
            {
                Emit(IdOf(stack), text, ClauseKind.Labelled, line, headings, roles);
            }
            else if (rest.Length > 0 && Marker(rest) is { } marker)
            {
                Numbered(line, rest, marker.Style, marker.Token, marker.BodyStart);
            }
        }

        private IReadOnlyList<string> LabelRoles(string label)
        {
            var own = RoleLexicon.Find(label);
            if (own.Count > 0)
            {
                return own;
            }

            var section = SectionRoles();
            if (label.EndsWith("书记", StringComparison.Ordinal) && section.Contains("党支部"))
            {
                return label == "书记" ? ["党支部书记"] : ["支部委员"];
            }

            return section;
        }

        private void Paragraph(int line, string t)
        {
            PopContent();
            string id;
            if (stack.Count == 0)
            {
                id = "p" + ++rootParagraphs;
            }
            else
            {
                var parent = stack[^1];
                parent.Paragraphs++;
                var prefix = IdOf(stack);
                id = (prefix.Length > 0 ? prefix + "." : string.Empty) + "p" + parent.Paragraphs;
            }

            Emit(id, t, ClauseKind.Paragraph, line, HeadingTexts(), SectionRoles());
        }

        private void PopContent()
        {
            while (stack.Count > 0 && !stack[^1].HeadingOnly)
            {
                stack.RemoveAt(stack.Count - 1);
            }
        }

        private void TableRow(int line, string raw)
        {
            var cells = raw.Split('\t').Select(c => c.Trim()).ToArray();
            if (!tableStarted)
            {
                tableStarted = true;
                if (cells.All(c => c.Length <= 8 && !Digit().IsMatch(c)))
                {
                    tableHeader = cells;
                    return;
                }
            }

            var labelCount = 0;
            while (labelCount < cells.Length && IsLabelCell(cells[labelCount]))
            {
                labelCount++;
            }

            var labels = new string[labelCount];
            for (var k = 0; k < labelCount; k++)
            {
                labels[k] = cells[k].Length > 0 ? cells[k] : k < tableLabels.Length ? tableLabels[k] : string.Empty;
            }

            if (labels.Any(l => l.Length > 0))
            {
                tableLabels = labels;
            }

            var contents = cells.Skip(labelCount).ToList();
            while (contents.Count > 0 && contents[^1].Length == 0)
            {
                contents.RemoveAt(contents.Count - 1);
            }

            if (contents.Count == 0)
            {
                Skipped.Add(new SkippedLine(line + 1, raw.Trim(), "表格行没有内容"));
                return;
            }

            var columnNames = ColumnNames(contents.Count);
            var labelPath = labels.Where(l => l.Length > 0).ToList();
            var idLabel = labelPath.Count > 0 ? LabelIdPart().Match(labelPath[^1]).Value : "表格";
            var partHeadings = HeadingTexts();
            var partRoles = SectionRoles();
            var partPrefix = IdOf(stack);

            // A row label written in this row with a value of its own ("学习星 25分", "加分 项目 (上限 10分)") is the row's
            // own clause: the table can then answer what a row is worth and what it holds.
            if (labelCount > 0 && cells[labelCount - 1].Length > 0 && Digit().IsMatch(cells[labelCount - 1]) && idLabel.Length > 0)
            {
                Emit((partPrefix.Length > 0 ? partPrefix + "." : string.Empty) + idLabel, cells[labelCount - 1], ClauseKind.TableRow, line,
                    partHeadings.Concat(labelPath.Take(labelPath.Count - 1)).ToList(), partRoles);
            }

            for (var c = 0; c < contents.Count; c++)
            {
                if (contents[c].Length == 0)
                {
                    continue;
                }

                var headings = partHeadings.Concat(labelPath).ToList();
                var idBase = (partPrefix.Length > 0 ? partPrefix + "." : string.Empty) + idLabel;
                if (c > 0)
                {
                    var column = columnNames[c].Length > 0 ? columnNames[c] : "列" + (c + 1);
                    headings.Add(column);
                    idBase += "." + column;
                }

                foreach (var (number, text) in SplitCell(contents[c]))
                {
                    var id = number is null ? idBase : idBase + "." + number;
                    Emit(id, text, ClauseKind.TableItem, line, headings, partRoles);
                }
            }
        }

        private string[] ColumnNames(int contentCount)
        {
            var names = new string[contentCount];
            var header = tableHeader?.Where(h => h.Length > 0).ToArray() ?? [];
            for (var c = 0; c < contentCount; c++)
            {
                var fromEnd = contentCount - c;
                names[c] = header.Length >= fromEnd ? header[^fromEnd] : string.Empty;
            }

            return names;
        }

        private static bool IsLabelCell(string cell) =>
            cell.Length <= MaxLabelCellLength
            && !cell.Contains('。', StringComparison.Ordinal)
            && !cell.Contains("<p>", StringComparison.Ordinal)
            && !SpacedArabicMarker().IsMatch(cell);

        private static IEnumerable<(string? Number, string Text)> SplitCell(string cell)
        {
            if (cell.Contains("<p>", StringComparison.Ordinal))
            {
                var index = 0;
                foreach (Match m in CellParagraph().Matches(cell))
                {
                    index++;
                    var inner = m.Groups[1].Value.Trim();
                    if (inner.Length == 0)
                    {
                        continue;
                    }

                    var marker = SpacedArabicMarker().Match(inner);
                    yield return (marker.Success ? marker.Groups[1].Value : index.ToString(System.Globalization.CultureInfo.InvariantCulture), inner);
                }

                yield break;
            }

            var starts = new List<(int At, string Number)>();
            var expected = -1;
            foreach (Match m in CellItemMarker().Matches(cell))
            {
                var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if ((starts.Count == 0 && m.Index == 0) || (starts.Count > 0 && n == expected))
                {
                    starts.Add((m.Index, m.Groups[1].Value));
                    expected = n + 1;
                }
            }

            if (starts.Count == 0)
            {
                yield return (null, cell.Trim());
                yield break;
            }

            for (var k = 0; k < starts.Count; k++)
            {
                var end = k + 1 < starts.Count ? starts[k + 1].At : cell.Length;
                yield return (starts[k].Number, cell[starts[k].At..end].Trim());
            }
        }

        private List<string> HeadingTexts()
        {
            var list = new List<string>();
            if (collectionTitle is not null)
            {
                list.Add(collectionTitle);
            }

            list.AddRange(stack.Select(f => f.Text));
            return list;
        }

        private IReadOnlyList<string> SectionRoles()
        {
            for (var k = stack.Count - 1; k >= 0; k--)
            {
                var frame = stack[k];
                var roles = frame.Style == Style.Label ? [] : RoleLexicon.Find(frame.HeadingOnly ? frame.Text : FirstSentence(frame.Text));
                if (roles.Count > 0)
                {
                    return roles;
                }
            }

            return [];
        }

        private static string FirstSentence(string text)
        {
            var end = text.IndexOf('。', StringComparison.Ordinal);
            return end > 0 ? text[..end] : text;
        }

        private static string IdOf(List<Frame> frames) =>
            string.Join('.', frames.Where(f => f.Token is not null).Select(f => f.Token));

        private void Emit(string id, string text, ClauseKind kind, int line, IReadOnlyList<string> headings, IReadOnlyList<string> sectionRoles)
        {
            id = Unique(id);
            var sentences = text.Length > SentenceSplitThreshold ? SentenceSplitter.Split(text, SemicolonSplitThreshold) : [];
            if (sentences.Count < 2)
            {
                Add(new Clause
                {
                    DocumentId = documentId, Id = id, Text = text, HeadingPath = headings, Kind = kind, ListTitle = listTitle,
                    Roles = Merge(sectionRoles, RoleLexicon.Find(text)), Line = line + 1, Ordinal = Clauses.Count,
                });
                return;
            }

            for (var s = 0; s < sentences.Count; s++)
            {
                Add(new Clause
                {
                    DocumentId = documentId, Id = Unique(id + "#" + (s + 1)), Text = sentences[s], HeadingPath = headings, ListTitle = listTitle,
                    Kind = ClauseKind.Sentence, ParentId = id, Roles = Merge(sectionRoles, RoleLexicon.Find(sentences[s])),
                    Line = line + 1, Ordinal = Clauses.Count,
                });
            }
        }

        private void Add(Clause clause) => Clauses.Add(clause);

        private string Unique(string id)
        {
            var candidate = id;
            for (var n = 2; !ids.Add(candidate); n++)
            {
                candidate = id + "~" + n;
            }

            return candidate;
        }

        private static string[] Merge(IReadOnlyList<string> first, IReadOnlyList<string> second) =>
            [.. first.Concat(second).Distinct(StringComparer.Ordinal)];
    }
}
