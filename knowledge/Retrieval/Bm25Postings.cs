using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>
/// The postings of one field of the Lucene index, read once after the index is built, scored with Lucene's
/// BM25Similarity formula (k1 1.2, b 0.75). Searching through IndexSearcher costs a term-dictionary enumerator per
/// query term (about 8 KB each, 300–400 KB a question); the corpus is small and immutable, so the postings are kept
/// as arrays and a question allocates only its score array.
/// </summary>
internal sealed class Bm25Postings
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<string, (int[] Clauses, double[] Weights)> postings;
    private readonly int documentCount;

    private Bm25Postings(Dictionary<string, (int[] Clauses, double[] Weights)> postings, int documentCount)
    {
        this.postings = postings;
        this.documentCount = documentCount;
    }

    /// <summary>Lucene's BM25 idf: ln(1 + (N − df + 0.5) / (df + 0.5)).</summary>
    public static double Idf(int documentFrequency, int documentCount) =>
        Math.Log(1 + ((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    /// <summary>Reads the postings of <paramref name="field"/>; <paramref name="clauseOfDoc"/> maps Lucene doc ids to clauses.</summary>
    public static Bm25Postings Read(IndexReader reader, string field, int[] clauseOfDoc, int clauseCount)
    {
        var raw = new Dictionary<string, List<(int Clause, int Freq)>>(StringComparer.Ordinal);
        var lengths = new int[clauseCount];
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is not null)
        {
            var termsEnum = terms.GetEnumerator();
            DocsEnum? docs = null;
            while (termsEnum.MoveNext())
            {
                var list = new List<(int, int)>();
                docs = termsEnum.Docs(MultiFields.GetLiveDocs(reader), docs, DocsFlags.FREQS);
                int doc;
                while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    var clause = clauseOfDoc[doc];
                    list.Add((clause, docs.Freq));
                    lengths[clause] += docs.Freq;
                }

                raw[termsEnum.Term.Utf8ToString()] = list;
            }
        }

        var average = Math.Max(1, lengths.Average());
        var postings = new Dictionary<string, (int[], double[])>(raw.Count, StringComparer.Ordinal);
        foreach (var (term, list) in raw)
        {
            var idf = Idf(list.Count, clauseCount);
            var clauses = new int[list.Count];
            var weights = new double[list.Count];
            for (var k = 0; k < list.Count; k++)
            {
                var (clause, freq) = list[k];
                clauses[k] = clause;
                weights[k] = idf * freq * (K1 + 1) / (freq + (K1 * (1 - B + (B * lengths[clause] / average))));
            }

            postings[term] = (clauses, weights);
        }

        return new Bm25Postings(postings, clauseCount);
    }

    /// <summary>The idf of <paramref name="term"/> in this field; a term no clause has gets the highest idf.</summary>
    public double Idf(string term) => Idf(postings.TryGetValue(term, out var list) ? list.Clauses.Length : 0, documentCount);

    /// <summary>Whether any clause has <paramref name="term"/> in this field.</summary>
    public bool Contains(string term) => postings.ContainsKey(term);

    /// <summary>Adds <paramref name="boost"/> × the BM25 score of <paramref name="term"/> to each clause's score.</summary>
    public void Add(string term, double boost, double[] scores)
    {
        if (!postings.TryGetValue(term, out var list))
        {
            return;
        }

        for (var k = 0; k < list.Clauses.Length; k++)
        {
            scores[list.Clauses[k]] += boost * list.Weights[k];
        }
    }
}
