using PartyAffairs.Knowledge.Duties;

namespace PartyAffairs.Knowledge.Tests.Duties;

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
    public void TryParse_NotAWholeNumber_ReturnsFalse(string text)
    {
        Assert.False(ChineseNumber.TryParse(text, out _));
    }

    [Theory]
    [InlineData("0.5", "0.5")]
    [InlineData("１.５", "1.5")]
    [InlineData("32", "32")]
    [InlineData("五十六", "56")]
    public void TryParseDecimal_Amount_ReadsValue(string text, string expected)
    {
        Assert.True(ChineseNumber.TryParseDecimal(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }
}
