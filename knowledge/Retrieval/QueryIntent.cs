namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>What a question asks for, beyond its topic.</summary>
[Flags]
public enum QueryIntent
{
    /// <summary>Nothing specific.</summary>
    None = 0,

    /// <summary>How often (多久, 几次, 频次 …).</summary>
    Frequency = 1,

    /// <summary>By when (什么时候, 几月前, 多少天内 …).</summary>
    Deadline = 2,

    /// <summary>How much (学时, 多少小时 …).</summary>
    Quota = 4,

    /// <summary>Who is responsible, or what someone must do (谁负责, 职责 …).</summary>
    Responsibility = 8,

    /// <summary>What something consists of (内容, 包括 …).</summary>
    Content = 16,

    /// <summary>What happens when a rule is broken (如何处理 …).</summary>
    Consequence = 32,

    /// <summary>A head count or threshold (多少人 …).</summary>
    Threshold = 64,

    /// <summary>How something is done (用什么方式, 什么方法, 怎么表决 …).</summary>
    Manner = 128,

    /// <summary>Whether something is allowed (能不能, 可以…吗, 允许 …).</summary>
    Permission = 256,

    /// <summary>Whether two things are done together (一起, 合并, 一并 …).</summary>
    Combination = 512,

    /// <summary>How many points a scoring sheet gives (多少分, 满分, 怎么计分 …).</summary>
    Score = 1024,
}
