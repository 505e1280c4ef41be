using PartyAffairs.Knowledge.Retrieval;

namespace PartyAffairs.Knowledge.Tests.Retrieval;

public sealed class TopicSetTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(127)]
    public void Of_AnyIndexBelowCapacity_HoldsOnlyThatTopic(int index)
    {
        var set = TopicSet.Of(index);

        Assert.True(set.Contains(index));
        Assert.Equal([index], set.Indexes());
        Assert.False((set & TopicSet.Of(index == 0 ? 1 : 0)).Contains(index));
    }

    [Fact]
    public void Indexes_UnionAcrossTheOld64BitLimit_AreDistinct()
    {
        var set = TopicSet.Of(0) | TopicSet.Of(64) | TopicSet.Of(100);

        Assert.Equal([0, 64, 100], set.Indexes());
        Assert.Equal([64, 100], (set & ~TopicSet.Of(0)).Indexes());
        Assert.True(default(TopicSet).IsEmpty);
    }

    [Fact]
    public void Of_IndexAtCapacity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TopicSet.Of(TopicSet.Capacity));
    }

    [Fact]
    public void ConceptLexicon_HasRoomToGrow_AndEveryTopicHasItsOwnBit()
    {
        Assert.True(ConceptLexicon.All.Count > 64, "the lexicon has outgrown the 64 topics of a ulong");
        Assert.True(ConceptLexicon.All.Count <= TopicSet.Capacity - 32, "keep room for new topics below the capacity");
        var bits = ConceptLexicon.All.Select((_, i) => TopicSet.Of(i)).Aggregate(default(TopicSet), (a, b) => a | b);
        Assert.Equal(Enumerable.Range(0, ConceptLexicon.All.Count), bits.Indexes());
    }
}
