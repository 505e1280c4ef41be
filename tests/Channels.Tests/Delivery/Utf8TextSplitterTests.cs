using System.Text;
using PartyAffairs.Channels.Delivery;

namespace PartyAffairs.Channels.Tests.Delivery;

public sealed class Utf8TextSplitterTests
{
    [Theory]
    [InlineData("", 16, 1)]
    [InlineData("abc", 16, 1)]
    [InlineData("党务提醒", 12, 1)]
    [InlineData("党务提醒助手", 12, 2)]
    [InlineData("🎉🎉🎉", 8, 2)]
    [InlineData("a🎉b🎉c", 5, 3)]
    [InlineData("第一行\n第二行\n第三行", 20, 2)]
    public void Split_Inputs_PartsFitAndRejoin(string text, int maxBytes, int expectedParts)
    {
        var parts = Utf8TextSplitter.Split(text, maxBytes);

        Assert.Equal(expectedParts, parts.Count);
        Assert.Equal(text, string.Concat(parts));
        Assert.All(parts, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), text.Length == 0 ? 0 : 1, maxBytes));
        Assert.All(parts, p => Assert.False(p.Length > 0 && (char.IsHighSurrogate(p[^1]) || char.IsLowSurrogate(p[0]))));
    }

    [Fact]
    public void Split_LineBreakInSecondHalf_CutsAfterIt()
    {
        var parts = Utf8TextSplitter.Split("一二三四五六\n七八九十", 24);

        Assert.Equal(["一二三四五六\n", "七八九十"], parts);
    }

    [Fact]
    public void Split_LongMixedText_NeverCutsMidCharacter()
    {
        var text = string.Concat(Enumerable.Repeat("党费🙂ab\n", 500));

        var parts = Utf8TextSplitter.Split(text, 2048);

        Assert.Equal(text, string.Concat(parts));
        Assert.All(parts, p => Assert.Equal(p, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(p))));
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 2048));
    }
}
