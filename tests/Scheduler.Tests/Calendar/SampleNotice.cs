using System.Text.Json.Nodes;

namespace PartyAffairs.Scheduler.Tests.Calendar;

/// <summary>
/// A made-up but well-formed State Council notice for 2027 (the real one is not published yet): every statutory day inside
/// its block, bridging days, and weekend workdays (调休). Tests change one part of it to make each kind of bad notice.
/// </summary>
internal static class SampleNotice
{
    public const string Source = "国务院办公厅关于2027年部分节假日安排的通知（测试数据）";

    public static JsonObject For2027() => new()
    {
        ["source"] = Source,
        ["holidays"] = new JsonArray(
            Block("元旦", "2027-01-01", "2027-01-02", "2027-01-03"),
            Block("春节", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"),
            Block("清明节", "2027-04-03", "2027-04-04", "2027-04-05"),
            Block("劳动节", "2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04", "2027-05-05"),
            Block("端午节", "2027-06-09"),
            Block("中秋节", "2027-09-15"),
            Block("国庆节", "2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05", "2027-10-06", "2027-10-07")),
        ["workdays"] = new JsonArray(
            Workday("春节", "2027-02-20"),
            Workday("劳动节", "2027-04-25"),
            Workday("国庆节", "2027-09-26"),
            Workday("国庆节", "2027-10-09")),
    };

    public static JsonObject Block(string name, params string[] dates) =>
        new() { ["name"] = name, ["dates"] = new JsonArray([.. dates.Select(d => JsonValue.Create(d))]) };

    public static JsonObject Workday(string name, string date) => new() { ["name"] = name, ["date"] = date };
}
