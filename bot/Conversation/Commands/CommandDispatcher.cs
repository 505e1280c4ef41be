using PartyAffairs.Bot.Conversation.Dialogs;
using PartyAffairs.Bot.Conversation.Pipeline;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// The bot (<see cref="IBot"/>) behind the middleware: welcomes new conversations and, for each message,
/// <list type="number">
/// <item>reads it (<see cref="TurnInput"/>: the intent layer's <see cref="Understanding.IntentRecognizer"/>) with the member the middleware looked up and the branch's today;</item>
/// <item>a reply the sender's open dialog takes (确认/取消 a notice preview) continues that dialog;</item>
/// <item>otherwise finds the command: the matching one of the most specific <see cref="CommandPrecedence"/>;</item>
/// <item>checks its <see cref="RequiredRole"/> (<see cref="RoleGate"/>: unbound → bind prompt, member → 仅限书记、副书记);</item>
/// <item>runs it.</item>
/// </list>
/// A member bound by the platform's mobile number in this turn is told so first.
/// </summary>
internal sealed class CommandDispatcher : IBot
{
    private readonly IChatCommand[][] _tiers;
    private readonly DialogSet _dialogs;
    private readonly BindingNotice _bindingNotice;
    private readonly BranchClock _clock;
    private readonly ILogger<CommandDispatcher> _logger;

    public CommandDispatcher(IEnumerable<IChatCommand> commands, DialogSet dialogs, BindingNotice bindingNotice, BranchClock clock, ILogger<CommandDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var all = commands.ToArray();
        var duplicate = all.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two chat commands are named '{duplicate.Key}'.");
        }

        _tiers = all.GroupBy(c => c.Precedence).OrderBy(g => g.Key).Select(g => g.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray()).ToArray();
        _dialogs = dialogs;
        _bindingNotice = bindingNotice;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The table, most specific first (for tests and docs).</summary>
    public IEnumerable<IChatCommand> Commands => _tiers.SelectMany(t => t);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            if (activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true)
            {
                await ReplyMessage.SendAsync(turnContext, Replies.Welcome, cancellationToken, Replies.ActionHelp);
            }

            return;
        }

        if (activity.Type != ActivityTypes.Message)
        {
            return;
        }

        var sender = await TurnMember.OfAsync(turnContext);
        // The intent layer reads the text against the branch's today (its zone is cached: no store read per turn).
        var zone = await _clock.ZoneAsync(sender.Member?.BranchId, cancellationToken);
        var input = TurnInput.From(activity.Text, sender.Member, _clock.Today(zone));
        var command = Find(input);
        var context = new CommandContext(turnContext, input, sender);
        if (sender.BoundByMobile && command is not BindCommand)
        {
            await _bindingNotice.SendAsync(context, cancellationToken);
        }

        if (sender.Member is not null && _dialogs.MayContinue(input))
        {
            input = input with { Pending = await _dialogs.PeekAsync(context, cancellationToken) };
            if (input.Pending is { } step && _dialogs.For(step) is { } dialog && dialog.Continues(input))
            {
                await _dialogs.ContinueAsync(new CommandContext(turnContext, input, sender), cancellationToken);
                return;
            }
        }

        if (command is null || !await RoleGate.AdmitAsync(context, command.RequiredRole, cancellationToken))
        {
            return;
        }

        await command.HandleAsync(context, cancellationToken);
    }

    /// <summary>The command for <paramref name="input"/>: the matching one of the most specific precedence, or null.</summary>
    public IChatCommand? Find(TurnInput input)
    {
        foreach (var tier in _tiers)
        {
            IChatCommand? found = null;
            foreach (var command in tier)
            {
                if (!command.Matches(input))
                {
                    continue;
                }

                if (found is null)
                {
                    found = command;
                }
                else
                {
                    ConversationLog.AmbiguousCommand(_logger, found.Name, command.Name);
                }
            }

            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
