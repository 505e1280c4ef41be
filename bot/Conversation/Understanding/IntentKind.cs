namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>What a chat message asks for. Secretary commands are recognised for everyone; authorisation is decided later.</summary>
public enum IntentKind
{
    /// <summary>Anything else: a question for the knowledge base (<see cref="IntentResult.Argument"/> is the question).</summary>
    Question,

    /// <summary>你好, 您好, 在吗, 早上好 …</summary>
    Greeting,

    /// <summary>帮助, 菜单, 怎么用, 你能做什么 …</summary>
    Help,

    /// <summary>谢谢, 辛苦了, and acknowledgements (好的, 收到, 知道了) when nothing is pending.</summary>
    Thanks,

    /// <summary>再见, 拜拜, 晚安 …</summary>
    Bye,

    /// <summary>我的待办 (with typos: 代办, 带办, 待半), 还有什么没做, 这个月要做什么.</summary>
    MyDuties,

    /// <summary>The member's own progress: 我还差几次, 我的学时, 我交到几月了 (duty in <see cref="IntentEntities.Duties"/> when named).</summary>
    MyProgress,

    /// <summary>The branch's own schedule: 主题党日是哪天, 党费每月什么时候交, 下次开会什么时候 (duty when named).</summary>
    BranchSchedule,

    /// <summary>A completion in any tense or phrasing, or the reminder button “已完成 主题党日 2026-11”.</summary>
    Complete,

    /// <summary>Leave for an occurrence, with its reason when given, or the reminder button “请假 主题党日 2026-11”.</summary>
    Leave,

    /// <summary>Looks like a completion or leave, but the duty or the meaning is unclear: ask back with <see cref="IntentResult.Candidates"/>.</summary>
    Clarify,

    /// <summary>撤销, 撤回, 刚才点错了, 搞错了.</summary>
    Undo,

    /// <summary>确认 (and 确定, 发送, 好的 … while a step is pending).</summary>
    Confirm,

    /// <summary>取消, 算了, 不发了.</summary>
    Cancel,

    /// <summary>绑定 ABC234, or a bare invite code from an unbound user (<see cref="IntentEntities.Code"/>, null when unreadable).</summary>
    Bind,

    /// <summary>通知 …: <see cref="IntentResult.Argument"/> is the notice text exactly as written.</summary>
    Notice,

    /// <summary>完成情况 [duty] [period], 谁还没交党费.</summary>
    Status,

    /// <summary>催办 [duty].</summary>
    Nudge,

    /// <summary>A 设置… reminder-settings command; <see cref="IntentResult.Argument"/> is the whole command for the settings parser.</summary>
    Settings,

    /// <summary>查看提醒计划.</summary>
    ShowPlan,

    /// <summary>记录 党员大会 12月3日 主题：… (<see cref="IntentEntities.Record"/>).</summary>
    Record,

    /// <summary>设置党费 张三 在职 8000: a member's dues category and income base (secretaries only, never asked in a group).</summary>
    DuesProfile,

    /// <summary>导出台账 [year].</summary>
    ExportLedger,

    /// <summary>管理台: a link to the admin console.</summary>
    Console,

    /// <summary>张三的邀请码, 重发邀请码 张三.</summary>
    InviteCode,

    /// <summary>A notice's 收到 button, “收到通知 12” (<see cref="IntentEntities.NoticeNumber"/>).</summary>
    AcknowledgeNotice,

    /// <summary>通知确认情况 [n], 谁收到通知了, 通知谁还没确认 (<see cref="IntentEntities.Position"/>: the n-th latest notice).</summary>
    NoticeStatus,
}
