using System.Globalization;
using PartyAffairs.Bot.Conversation.Understanding;

namespace PartyAffairs.Bot.Tests.Conversation.Understanding;

public sealed class ChineseDateResolverTests
{
    [Theory]
    // A Wednesday in December.
    [InlineData("2026-12-09", "今天", "Past", "2026-12-09")]
    [InlineData("2026-12-09", "昨天", "Past", "2026-12-08")]
    [InlineData("2026-12-09", "前天", "Past", "2026-12-07")]
    [InlineData("2026-12-09", "大前天", "Past", "2026-12-06")]
    [InlineData("2026-12-09", "明天", "Future", "2026-12-10")]
    [InlineData("2026-12-09", "上周五", "Past", "2026-12-04")]
    [InlineData("2026-12-09", "上个星期五", "Past", "2026-12-04")]
    [InlineData("2026-12-09", "这周五", "Future", "2026-12-11")]
    [InlineData("2026-12-09", "本周一", "Past", "2026-12-07")]
    [InlineData("2026-12-09", "周五", "Past", "2026-12-04")]
    [InlineData("2026-12-09", "周五", "Future", "2026-12-11")]
    [InlineData("2026-12-09", "星期三", "Past", "2026-12-09")]
    [InlineData("2026-12-09", "礼拜天", "Future", "2026-12-13")]
    [InlineData("2026-12-09", "下周三", "Future", "2026-12-16")]
    [InlineData("2026-12-09", "12月3日", "Past", "2026-12-03")]
    [InlineData("2026-12-09", "12月3号", "Past", "2026-12-03")]
    [InlineData("2026-12-09", "十二月三日", "Past", "2026-12-03")]
    [InlineData("2026-12-09", "12/3", "Past", "2026-12-03")]
    [InlineData("2026-12-09", "12月10日", "Past", "2025-12-10")]
    [InlineData("2026-12-09", "12月10日", "Future", "2026-12-10")]
    [InlineData("2026-12-09", "1月8日", "Future", "2027-01-08")]
    [InlineData("2026-12-09", "3号", "Past", "2026-12-03")]
    [InlineData("2026-12-09", "15号", "Past", "2026-11-15")]
    [InlineData("2026-12-09", "15号", "Future", "2026-12-15")]
    [InlineData("2026-12-09", "2026-11-20", "Past", "2026-11-20")]
    [InlineData("2026-12-09", "2026年11月20日", "Future", "2026-11-20")]
    [InlineData("2026-12-09", "2026/11/20", "Past", "2026-11-20")]
    [InlineData("2026-12-09", "本月", "Past", "2026-12")]
    [InlineData("2026-12-09", "这个月", "Future", "2026-12")]
    [InlineData("2026-12-09", "上个月", "Past", "2026-11")]
    [InlineData("2026-12-09", "下个月", "Future", "2027-01")]
    [InlineData("2026-12-09", "11月", "Past", "2026-11")]
    [InlineData("2026-12-09", "1月份", "Past", "2026-01")]
    [InlineData("2026-12-09", "1月份", "Future", "2027-01")]
    [InlineData("2026-12-09", "2026年11月", "Past", "2026-11")]
    [InlineData("2026-12-09", "本季度", "Past", "2026-Q4")]
    [InlineData("2026-12-09", "上季度", "Past", "2026-Q3")]
    [InlineData("2026-12-09", "第三季度", "Past", "2026-Q3")]
    [InlineData("2026-12-09", "上半年", "Past", "2026-H1")]
    [InlineData("2026-12-09", "今年", "Past", "2026")]
    [InlineData("2026-12-09", "去年", "Past", "2025")]
    [InlineData("2026-12-09", "上周", "Past", "2026-W49")]
    // The reminder buttons' period keys (lower case after normalisation).
    [InlineData("2026-12-09", "2026-11", "Past", "2026-11")]
    [InlineData("2026-12-09", "2026-q3", "Past", "2026-Q3")]
    [InlineData("2026-12-09", "2026-h2", "Past", "2026-H2")]
    [InlineData("2026-12-09", "2026-b6", "Past", "2026-B6")]
    [InlineData("2026-12-09", "2026-w47", "Past", "2026-W47")]
    [InlineData("2026-12-09", "2026", "Past", "2026")]
    // The first of a month: yesterday is last month.
    [InlineData("2026-12-01", "昨天", "Past", "2026-11-30")]
    [InlineData("2026-12-01", "上个月", "Past", "2026-11")]
    [InlineData("2026-03-01", "昨天", "Past", "2026-02-28")]
    [InlineData("2028-03-01", "昨天", "Past", "2028-02-29")]
    [InlineData("2028-03-01", "2月29日", "Past", "2028-02-29")]
    // New Year's Day (a Friday): yesterday, last month and December dates are last year's.
    [InlineData("2027-01-01", "昨天", "Past", "2026-12-31")]
    [InlineData("2027-01-01", "上个月", "Past", "2026-12")]
    [InlineData("2027-01-01", "12月3日", "Past", "2026-12-03")]
    [InlineData("2027-01-01", "12月", "Past", "2026-12")]
    [InlineData("2027-01-01", "上周五", "Past", "2026-12-25")]
    [InlineData("2027-01-01", "去年", "Past", "2026")]
    [InlineData("2027-01-01", "本季度", "Past", "2027-Q1")]
    [InlineData("2027-01-01", "第四季度", "Past", "2026-Q4")]
    // A Monday: last Friday is three days back, this Monday is today, last Monday a week back.
    [InlineData("2027-01-04", "上周五", "Past", "2027-01-01")]
    [InlineData("2027-01-04", "周一", "Past", "2027-01-04")]
    [InlineData("2027-01-04", "周五", "Past", "2027-01-01")]
    [InlineData("2027-01-04", "上周一", "Past", "2026-12-28")]
    [InlineData("2027-01-04", "本周日", "Future", "2027-01-10")]
    [InlineData("2027-01-04", "前天", "Past", "2027-01-02")]
    [InlineData("2027-01-04", "12月3日", "Past", "2026-12-03")]
    [InlineData("2026-11-30", "上周五", "Past", "2026-11-27")]
    [InlineData("2026-11-30", "下个月", "Future", "2026-12")]
    // A Sunday: the week still starts on Monday.
    [InlineData("2026-12-13", "上周五", "Past", "2026-12-04")]
    [InlineData("2026-12-13", "这周五", "Past", "2026-12-11")]
    public void Find_Expression_ResolvesAgainstToday(string today, string text, string direction, string expected)
    {
        var mentions = ChineseDateResolver.Find(text, DateOnly.Parse(today, CultureInfo.InvariantCulture), Enum.Parse<DateDirection>(direction));

        var mention = Assert.Single(mentions);
        var actual = mention.Date is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : mention.Period!.Value.Key;
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("2月30日")]
    [InlineData("13月")]
    [InlineData("2026-13")]
    [InlineData("32号")]
    [InlineData("党费多久交一次")]
    [InlineData("三个月")]
    [InlineData("1.5学时")]
    public void Find_NoDateOrInvalidDate_FindsNothing(string text)
    {
        Assert.Empty(ChineseDateResolver.Find(text, new DateOnly(2026, 12, 9), DateDirection.Past));
    }

    [Fact]
    public void Find_SeveralMentions_InOrderWithTheirSpans()
    {
        var mentions = ChineseDateResolver.Find("上个月12月3日", new DateOnly(2026, 12, 9), DateDirection.Past);

        Assert.Equal(2, mentions.Count);
        Assert.Equal("2026-11", mentions[0].Period!.Value.Key);
        Assert.Equal((0, 3), (mentions[0].Index, mentions[0].Length));
        Assert.Equal(new DateOnly(2026, 12, 3), mentions[1].Date);
    }
}
