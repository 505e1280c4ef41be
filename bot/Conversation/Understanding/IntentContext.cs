namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>What the recognizer may know about the turn besides the text. No clock: <see cref="Today"/> is the branch's local date.</summary>
public sealed record IntentContext
{
    /// <summary>Today in the branch's time zone; relative dates (昨天, 上周五, 12月3日) resolve against it.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>True when the chat user is bound to a roster member (a bare six-character code binds only when false).</summary>
    public bool IsBound { get; init; }

    /// <summary>The member's roster role (党员, 预备党员, 党支部书记 …), or null; orders and filters the candidates of a clarification.</summary>
    public string? Role { get; init; }

    /// <summary>True while a step (a notice preview) awaits 确认/取消: then 好的, 可以, 发送 confirm.</summary>
    public bool HasPendingStep { get; init; }
}
