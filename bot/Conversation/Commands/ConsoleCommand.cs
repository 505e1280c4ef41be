using PartyAffairs.Bot.WebConsole;
using PartyAffairs.Bot.Conversation.Understanding;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“管理台”: a one-time sign-in link to the web console of the sender's branch (书记, 副书记, 组织委员 only).</summary>
internal sealed class ConsoleCommand(ConsoleSignInLinks links) : IChatCommand
{
    // The console intent does not depend on the date; any mid-range day keeps relative dates in range.
    private static readonly IntentContext Reading = new() { Today = new DateOnly(2000, 1, 1), IsBound = true };

    public string Name => "console";

    // Bound members only; the role check is ours, since 组织委员 may open the console but not run secretary commands.
    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    // Until the dispatcher fills TurnInput.Intent, the recognizer reads the text here (only texts naming the console).
    public bool Matches(TurnInput input) => input.Intent is { } intent
        ? intent.Kind == IntentKind.Console
        : IntentRecognizer.Default.Lexicon.File.Commands.Console.Any(w => input.Text.Contains(w, StringComparison.Ordinal))
            && IntentRecognizer.Default.Recognize(input.Text, Reading).Kind == IntentKind.Console;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        if (!ConsoleRoles.MayOpen(member.Role))
        {
            await context.SendAsync(ConsoleTexts.OnlyForOfficers, cancellationToken);
            return;
        }

        await context.SendAsync(ConsoleTexts.LinkReply(links.For(member), links.Lifetime), cancellationToken);
    }
}
