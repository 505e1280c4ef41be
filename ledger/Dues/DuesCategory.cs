namespace PartyAffairs.Ledger.Dues;

/// <summary>How a member's dues are assessed (中央组织部《关于中国共产党党费收缴、使用和管理的规定》).</summary>
public enum DuesCategory
{
    /// <summary>在职: a share of the monthly after-tax regular income (0.5 %, 1 %, 1.5 %, 2 %).</summary>
    Employed,

    /// <summary>离退休: a share of the monthly pension (0.5 % up to 5000 元, 1 % above).</summary>
    Retired,

    /// <summary>学生: 0.2 元 a month.</summary>
    Student,

    /// <summary>下岗失业: 0.2 元 a month.</summary>
    Unemployed,

    /// <summary>依靠抚恤或救济生活: 0.2 元 a month.</summary>
    Relief,

    /// <summary>领取最低生活保障金 (低保): 0.2 元 a month.</summary>
    MinimumLivingAllowance,

    /// <summary>农民: 0.2 to 1 元 a month, as the province sets.</summary>
    Farmer,

    /// <summary>免交: exempt, with the branch's approval.</summary>
    Exempt,
}
