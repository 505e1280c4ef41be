namespace PartyAffairs.Bot.Admin;

/// <summary>Texts the admin API returns, kept together for review.</summary>
internal static class AdminMessages
{
    public const string Disabled = "管理接口未启用：请配置 Admin:Token。";
    public const string Unauthorized = "缺少或错误的管理令牌（Authorization: Bearer …）。";
    public const string BranchNameRequired = "请提供支部名称 name（1–50 字）。";
    public const string BranchIdInvalid = "支部标识 id 只能包含小写字母、数字和连字符，长度 1–32。";
    public const string BranchExists = "该支部标识已存在。";
    public const string BranchNotFound = "支部不存在。";
    public const string MemberNotFound = "成员不存在。";
    public const string BodyInvalid = "请求体不是有效的 JSON。";
    public const string RosterTooLarge = "名单文件过大（上限 1 MB）。";
    public const string RosterNotUtf8 = "名单文件不是 UTF-8 编码，请另存为 UTF-8 CSV 后重试。";
    public const string RosterEmpty = "名单中没有成员。";
    public const string RosterInvalid = "名单有误，未导入任何成员。";
    public const string NameMissing = "姓名为空";
    public const string NameTooLong = "姓名超过 32 字";
    public const string NameHasControl = "姓名含有换行或控制字符";
    public const string NameLooksLikeFormula = "姓名不能以 =、+、-、@ 开头";
    public const string RoleMissing = "角色为空";
    public const string TooManyColumns = "列数过多（应为：姓名, 角色, 手机号）";
    public const string UnterminatedQuote = "引号未闭合";
    public const string BranchNameHasControl = "支部名称不能包含换行或控制字符。";
    public const string BodyTooLarge = "请求体过大。";
    public const string TooManyFailures = "管理令牌错误次数过多，请稍后再试。";
    public const string StoreUnavailable = "存储暂时不可用，请稍后再试。";
    public static string IncomeNotANumber(string text) => $"月收入“{text}”不是金额";

    public const string RosterXlsxInvalid = "无法读取该 Excel 文件（.xlsx），请检查文件或另存为 UTF-8 CSV 后重试。";

    public const string HeaderMissingColumns = "表头缺少“姓名”或“角色”列";

    public static string RoleInvalid(string role) => $"角色“{role}”无效，应为：{string.Join('、', State.MemberRoles.All)}";

    public static string MobileInvalid(string mobile) => $"手机号“{mobile}”格式不正确（应为 11 位手机号码）";

    public static string Duplicate(int firstRow) => $"与第 {firstRow} 行重复";
}
