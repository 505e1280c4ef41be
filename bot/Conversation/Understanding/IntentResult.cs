namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>How one chat message was understood.</summary>
public sealed record IntentResult
{
    /// <summary>What the message asks for.</summary>
    public required IntentKind Kind { get; init; }

    /// <summary>
    /// How sure the reading is, 0–1: 1 for exact command syntax, about 0.9 for a clear phrase, 0.6–0.7 for a reading
    /// inferred without its usual cue (a duty and a reason but no 请假), 0.5 for the <see cref="IntentKind.Question"/>
    /// fallback and for <see cref="IntentKind.Clarify"/>.
    /// </summary>
    public required double Confidence { get; init; }

    /// <summary>The typed values found.</summary>
    public IntentEntities Entities { get; init; } = IntentEntities.None;

    /// <summary>For <see cref="IntentKind.Clarify"/>: the likely readings, most likely first (empty when any open duty could be meant).</summary>
    public IReadOnlyList<IntentCandidate> Candidates { get; init; } = [];

    /// <summary>
    /// The argument as the user wrote it: the notice text exactly (final “。” kept), the question (leading greeting
    /// dropped), the whole 设置… command; empty for other kinds.
    /// </summary>
    public string Argument { get; init; } = string.Empty;

    /// <summary>True when the bot should ask back rather than act or answer.</summary>
    public bool NeedsClarification => Kind == IntentKind.Clarify;
}
