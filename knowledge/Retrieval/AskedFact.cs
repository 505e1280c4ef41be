namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>The kind of fact a question asks for, when it asks for one (a number, a length, a date, a term, an amount).</summary>
public enum AskedFact
{
    /// <summary>No particular fact: what to do, who, how, whether.</summary>
    None,

    /// <summary>How often (多久一次, 一年几次).</summary>
    Frequency,

    /// <summary>How long something lasts or takes (预备期多久, 一次讲多长时间).</summary>
    Duration,

    /// <summary>How long a term of office runs (几年换届, 任期几年).</summary>
    TermOfOffice,

    /// <summary>How many things (几个等次, 选几个, 多少字).</summary>
    Count,

    /// <summary>How many people (几个人, 多少人赞成, 几个委员).</summary>
    People,

    /// <summary>How much money or what share (交多少钱, 百分之几, 多少比例).</summary>
    Amount,

    /// <summary>By or on which date (什么时候, 几月, 哪天).</summary>
    Deadline,

    /// <summary>Which day of the month (几号).</summary>
    DayOfMonth,

    /// <summary>How many study hours (多少学时).</summary>
    Quota,

    /// <summary>How many points on a scoring sheet (多少分, 满分).</summary>
    Score,
}
