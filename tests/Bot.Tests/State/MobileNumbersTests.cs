using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Tests.State;

public sealed class MobileNumbersTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData("138-0013-8000", "13800138000")]
    [InlineData("+86 13800138000", "13800138000")]
    [InlineData("+86-138-0013-8000", "13800138000")]
    [InlineData("+8613800138000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("008613800138000", "13800138000")]
    [InlineData("(+86) 138.0013.8000", "13800138000")]
    [InlineData("１３８００１３８０００", "13800138000")]
    [InlineData(" 19912345678 ", "19912345678")]
    public void TryNormalize_MainlandNumberWrittenAnyWay_ElevenDigits(string input, string expected)
    {
        Assert.True(MobileNumbers.TryNormalize(input, out var mobile));
        Assert.Equal(expected, mobile);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1380013800")]
    [InlineData("138001380001")]
    [InlineData("12800138000")]
    [InlineData("23800138000")]
    [InlineData("+1 13800138000")]
    [InlineData("+852 91234567")]
    [InlineData("138OO138000")]
    [InlineData("tel:13800138000")]
    [InlineData("010-12345678")]
    public void TryNormalize_NotAMainlandMobile_False(string? input)
    {
        Assert.False(MobileNumbers.TryNormalize(input, out var mobile));
        Assert.Equal(string.Empty, mobile);
    }
}
