using System.Text;
using PartyAffairs.Bot.Admin;

namespace PartyAffairs.Bot.Tests.Admin;

public sealed class RosterCsvTests
{
    [Theory]
    [InlineData("姓名,角色,手机号\n张三,党员,13800000000\n李四,党支部书记,\n", 2)]
    [InlineData("张三,党员,13800000000\r\n李四,党支部书记\r\n", 2)]
    [InlineData("姓名,角色\n\n张三,党员\n\n", 1)]
    [InlineData("\"张三\",\"党员\",\"138 0000 0000\"\n", 1)]
    [InlineData("张三，预备党员\n", 1)]
    [InlineData("角色,姓名,手机号\n党员,张三,\n", 1)]
    public void Parse_ValidRoster_ReadsEveryRow(string csv, int count)
    {
        var result = RosterCsv.Parse(csv);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(count, result.Rows.Count);
        Assert.Equal("张三", result.Rows[0].Name);
    }

    [Theory]
    [InlineData("138 0000-0000")]
    [InlineData("+86 138 0000 0000")]
    [InlineData("(+86) 13800000000")]
    [InlineData("１３８００００００００")]
    public void Parse_MobileWithSpacesOrCountryCode_Normalised(string mobile)
    {
        var row = Assert.Single(RosterCsv.Parse("张三,党员," + mobile).Rows);

        Assert.Equal("13800000000", row.Mobile);
    }

    [Theory]
    [InlineData("+1 13800000000")]
    [InlineData("12800000000")]
    [InlineData("010-12345678")]
    public void Parse_NotAMainlandMobile_RowRejected(string mobile)
    {
        var result = RosterCsv.Parse("张三,党员," + mobile);

        Assert.Empty(result.Rows);
        Assert.Contains("格式不正确", Assert.Single(result.Errors).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("姓名,角色,手机号\n张三,书记,\n", 2, "角色“书记”无效")]
    [InlineData("姓名,角色,手机号\n,党员,\n", 2, "姓名为空")]
    [InlineData("姓名,角色,手机号\n张三,,\n", 2, "角色为空")]
    [InlineData("姓名,角色,手机号\n张三,党员,12345\n", 2, "手机号“12345”格式不正确")]
    [InlineData("张三,党员,13800000000,多余\n", 1, "列数过多")]
    [InlineData("姓名,角色\n张三,党员\n李四,党员\n张三,党员\n", 4, "与第 2 行重复")]
    [InlineData("姓名,角色\n\"张三,党员\n", 2, "引号未闭合")]
    [InlineData("姓名,手机号\n张三,13800000000\n", 1, "表头缺少")]
    public void Parse_BadRow_ReportsLineAndReason(string csv, int line, string reason)
    {
        var result = RosterCsv.Parse(csv);

        var error = Assert.Single(result.Errors, e => e.Row == line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralBadRows_ReportsEachAndKeepsLineNumbersAcrossQuotedNewlines()
    {
        var result = RosterCsv.Parse("姓名,角色\n\"张\n三\",党员\n李四,群众\n王五,党员\n赵六,\n");

        Assert.Equal([2, 4, 6], result.Errors.Select(e => e.Row));
        Assert.Equal("姓名含有换行或控制字符", result.Errors[0].Reason);
        Assert.Equal(["王五"], result.Rows.Select(r => r.Name));
    }

    [Fact]
    public void TryDecode_Utf8WithBom_StripsBom()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("姓名,角色")];

        Assert.True(RosterCsv.TryDecode(bytes, out var text));
        Assert.Equal("姓名,角色", text);
    }

    [Fact]
    public void TryDecode_Gbk_Rejected()
    {
        byte[] gbk = [0xD5, 0xC5, 0xC8, 0xFD, 0x2C]; // "张三," in GBK

        Assert.False(RosterCsv.TryDecode(gbk, out _));
    }
}
