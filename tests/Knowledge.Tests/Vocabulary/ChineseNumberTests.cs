using PartyAffairs.Knowledge.Vocabulary;

namespace PartyAffairs.Knowledge.Tests.Vocabulary;

public sealed class ChineseNumberTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("12", 12)]
    [InlineData("１２", 12)]
    [InlineData("３０", 30)]
    [InlineData("一", 1)]
    [InlineData("两", 2)]
    [InlineData("二", 2)]
    [InlineData("三", 3)]
    [InlineData("四", 4)]
    [InlineData("六", 6)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("二十四", 24)]
    [InlineData("三十二", 32)]
    [InlineData("五十六", 56)]
    [InlineData("一百", 100)]
    [InlineData("一百零五", 105)]
    [InlineData("二〇二〇", 2020)]
    [InlineData("l", 1)]
    [InlineData("俩", 2)]
    [InlineData("仨", 3)]
    [InlineData("二十二", 22)]
    public void TryParse_NumberAsDocumentsWriteIt_ReadsValue(string text, int expected)
    {
        Assert.True(ChineseNumber.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("十十")]
    [InlineData("一二十")]
    [InlineData("半")]
    [InlineData("0.5")]
    [InlineData("一两")]
    [InlineData("1—2")]
    public void TryParse_NotAWholeNumber_ReturnsFalse(string text)
    {
        Assert.False(ChineseNumber.TryParse(text, out _));
    }

    [Theory]
    [InlineData("0.5", "0.5")]
    [InlineData("１.５", "1.5")]
    [InlineData("32", "32")]
    [InlineData("五十六", "56")]
    [InlineData("半", "0.5")]
    public void TryParseDecimal_Amount_ReadsValue(string text, string expected)
    {
        Assert.True(ChineseNumber.TryParseDecimal(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("一两", 1, 2)]
    [InlineData("两三", 2, 3)]
    [InlineData("俩仨", 2, 3)]
    [InlineData("三五", 3, 5)]
    [InlineData("七八", 7, 8)]
    [InlineData("十一二", 11, 12)]
    [InlineData("二三十", 20, 30)]
    [InlineData("两三百", 200, 300)]
    [InlineData("1—2", 1, 2)]
    [InlineData("1-2", 1, 2)]
    [InlineData("2至3", 2, 3)]
    [InlineData("三到五", 3, 5)]
    [InlineData("5-10", 5, 10)]
    public void TryParseRange_SpokenOrWrittenRange_ReadsBothEnds(string text, int min, int max)
    {
        Assert.True(ChineseNumber.TryParseRange(text, out var range));
        Assert.Equal(new NumberRange(min, max), range);
        Assert.False(range.IsSingle);
    }

    [Theory]
    [InlineData("十二", 12)]
    [InlineData("二〇二〇", 2020)]
    [InlineData("一百零五", 105)]
    [InlineData("两", 2)]
    public void TryParseRange_OneNumber_GivesEqualEnds(string text, int value)
    {
        Assert.True(ChineseNumber.TryParseRange(text, out var range));
        Assert.True(range.IsSingle);
        Assert.Equal(value, range.Min);
    }

    [Theory]
    [InlineData("3至2")]
    [InlineData("一至")]
    [InlineData("天")]
    public void TryParseRange_NotANumberOrRange_ReturnsFalse(string text)
    {
        Assert.False(ChineseNumber.TryParseRange(text, out _));
    }
}
