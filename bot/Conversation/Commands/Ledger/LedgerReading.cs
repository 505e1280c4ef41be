using System.Runtime.CompilerServices;
using PartyAffairs.Bot.Conversation.Understanding;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>
/// The intent layer's reading of a turn for the ledger commands: <see cref="TurnInput.Intent"/> once the dispatcher
/// fills it, until then the recognizer's reading of the text (once per input, shared by every ledger command's
/// <c>Matches</c>). Handlers read again with the branch's own today (<see cref="For(TurnInput, DateOnly)"/>).
/// </summary>
internal sealed class LedgerReading(TimeProvider time)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly ConditionalWeakTable<TurnInput, IntentResult> _read = new();

    /// <summary>The reading used to match (today in Asia/Shanghai).</summary>
    public IntentResult Of(TurnInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Intent ?? _read.GetValue(input, i => Recognize(i, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Shanghai).DateTime)));
    }

    /// <summary>The reading with relative dates resolved against <paramref name="today"/> (the branch's date).</summary>
    public static IntentResult For(TurnInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Intent ?? Recognize(input, today);
    }

    private static IntentResult Recognize(TurnInput input, DateOnly today) =>
        IntentRecognizer.Default.Recognize(input.Text, new IntentContext { Today = today, IsBound = input.Member is not null, Role = input.Member?.Role });
}
