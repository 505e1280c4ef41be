using System.Numerics;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>
/// A set of topics of <see cref="ConceptLexicon"/>, one bit per topic index in a 128-bit word: cheap to intersect for
/// every candidate clause of every question. <see cref="Capacity"/> is twice the 64 topics the lexicon had when it
/// outgrew a <c>ulong</c>; the lexicon checks its size against it at start-up.
/// </summary>
internal readonly record struct TopicSet(UInt128 Bits)
{
    /// <summary>The most topics a set can hold.</summary>
    public const int Capacity = 128;

    /// <summary>True when the set holds no topic.</summary>
    public bool IsEmpty => Bits == UInt128.Zero;

    /// <summary>The set holding only topic <paramref name="index"/>.</summary>
    public static TopicSet Of(int index) =>
        (uint)index < Capacity ? new(UInt128.One << index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Whether topic <paramref name="index"/> is in the set.</summary>
    public bool Contains(int index) => !(this & Of(index)).IsEmpty;

    /// <summary>The topics of both sets.</summary>
    public static TopicSet operator &(TopicSet left, TopicSet right) => new(left.Bits & right.Bits);

    /// <summary>The topics of either set.</summary>
    public static TopicSet operator |(TopicSet left, TopicSet right) => new(left.Bits | right.Bits);

    /// <summary>Every topic not in the set.</summary>
    public static TopicSet operator ~(TopicSet set) => new(~set.Bits);

    /// <summary>The topics of both sets (the named form of <c>&amp;</c>).</summary>
    public static TopicSet BitwiseAnd(TopicSet left, TopicSet right) => left & right;

    /// <summary>The topics of either set (the named form of <c>|</c>).</summary>
    public static TopicSet BitwiseOr(TopicSet left, TopicSet right) => left | right;

    /// <summary>Every topic not in the set (the named form of <c>~</c>).</summary>
    public static TopicSet OnesComplement(TopicSet set) => ~set;

    /// <summary>The topic indexes of the set, in increasing order.</summary>
    public IEnumerable<int> Indexes()
    {
        var bits = Bits;
        while (bits != UInt128.Zero)
        {
            var i = (int)UInt128.TrailingZeroCount(bits);
            yield return i;
            bits &= bits - UInt128.One;
        }
    }
}
